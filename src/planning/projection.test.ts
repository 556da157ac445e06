import { describe, expect, it } from 'vitest';
import { checkTarget } from './target-input';
import { addDays, progressPct, projectCameras, projectCoverage, windowStart } from './projection';

describe('projectCameras', () => {
  it('carries the last six months’ pace forward to the date the target is reached', () => {
    // 6 installs in 180 days = 1 a month; 12 more needed = 12 months = 365.25 days → 366.
    const projection = projectCameras({
      current: 10,
      target: 22,
      installsInWindow: 6,
      today: '2025-01-01',
      dueOn: '2025-12-31',
    });
    expect(projection.ratePerMonth).toBe(1);
    expect(projection.projectedOn).toBe('2026-01-02');
    expect(projection.willMeet).toBe(false);
    expect(projection.basis).toContain('6 cameras installed in the last 180 days');
  });

  it('says the target will be met when the projected day is on or before the due date', () => {
    const projection = projectCameras({
      current: 10,
      target: 16,
      installsInWindow: 12,
      today: '2025-03-01',
      dueOn: '2025-06-30',
    });
    // 2 a month, 6 more: 3 months = 91.3125 days → 92 days after 1 March.
    expect(projection.projectedOn).toBe('2025-06-01');
    expect(projection.willMeet).toBe(true);
  });

  it('gives no date at a pace of zero, and says why', () => {
    const projection = projectCameras({
      current: 3,
      target: 16,
      installsInWindow: 0,
      today: '2025-03-01',
      dueOn: '2030-01-01',
    });
    expect(projection).toEqual({
      ratePerMonth: 0,
      projectedOn: null,
      willMeet: false,
      basis: 'no cameras installed in the last 180 days',
    });
  });

  it('counts a target already reached as met today, whatever the pace', () => {
    const projection = projectCameras({
      current: 16,
      target: 16,
      installsInWindow: 0,
      today: '2025-03-01',
      dueOn: '2024-01-01',
    });
    expect(projection).toMatchObject({
      projectedOn: '2025-03-01',
      willMeet: true,
      basis: 'already met',
    });
  });
});

describe('projectCoverage', () => {
  const base = { target: 80, today: '2025-01-01', dueOn: '2025-12-31' };

  it('multiplies the camera pace by what a recent camera added', () => {
    // 6 cameras added 12 points together: 2 points each, 1 camera a month → 2 points a month.
    // From 50 % to 80 %: 15 months = 456.5625 days → 457.
    const projection = projectCoverage({
      ...base,
      currentPct: 50,
      installsInWindow: 6,
      recentGainPct: 12,
    });
    expect(projection.ratePerMonth).toBe(2);
    expect(projection.projectedOn).toBe(addDays('2025-01-01', 457));
    expect(projection.willMeet).toBe(false);
  });

  it('says there is not enough history without recent cameras', () => {
    const projection = projectCoverage({
      ...base,
      currentPct: 50,
      installsInWindow: 0,
      recentGainPct: null,
    });
    expect(projection).toEqual({
      ratePerMonth: 0,
      projectedOn: null,
      willMeet: false,
      basis: 'not enough history',
    });
  });

  it('says so when the unit has no roads to cover', () => {
    const projection = projectCoverage({
      ...base,
      currentPct: null,
      installsInWindow: 3,
      recentGainPct: 2,
    });
    expect(projection.projectedOn).toBeNull();
    expect(projection.basis).toBe('no road network for this unit');
  });

  it('counts coverage already at the target as met', () => {
    const projection = projectCoverage({
      ...base,
      currentPct: 85,
      installsInWindow: 0,
      recentGainPct: null,
    });
    expect(projection.willMeet).toBe(true);
  });
});

describe('dates', () => {
  it('adds days across months and years, rounding part days up', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1.2)).toBe('2024-03-01');
    expect(windowStart('2025-06-30')).toBe('2025-01-01');
  });

  it('caps progress at 100 % and keeps one decimal', () => {
    expect(progressPct(1, 3)).toBe(33.3);
    expect(progressPct(20, 16)).toBe(100);
  });
});

describe('checkTarget', () => {
  const field = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { field?: string }).field;
    }
    return 'accepted';
  };

  it('accepts a camera count or a percentage by a date', () => {
    expect(checkTarget({ metric: 'cameras', targetValue: 16, dueOn: '2025-12-31' })).toEqual({
      metric: 'cameras',
      target_value: 16,
      due_on: '2025-12-31',
      note: null,
    });
    expect(
      field(() => checkTarget({ metric: 'coverage_pct', targetValue: 82.5, dueOn: '2026-01-01' })),
    ).toBe('accepted');
  });

  it.each([
    [{ metric: 'cameras', targetValue: 0, dueOn: '2025-12-31' }, 'targetValue'],
    [{ metric: 'cameras', targetValue: 2.5, dueOn: '2025-12-31' }, 'targetValue'],
    [{ metric: 'coverage_pct', targetValue: 101, dueOn: '2025-12-31' }, 'targetValue'],
    [{ metric: 'cameras', targetValue: 10, dueOn: '31/12/2025' }, 'dueOn'],
    [{ metric: 'cameras', targetValue: 10, dueOn: '2025-02-29' }, 'dueOn'],
  ] as const)('refuses %j naming %s', (input, name) => {
    expect(field(() => checkTarget(input))).toBe(name);
  });
});
