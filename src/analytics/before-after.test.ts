import { describe, expect, it } from 'vitest';
import { compare, quietThrough, rolloutMonthOf, windowsAround } from './before-after';

const monthly = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('before and after the cameras', () => {
  it('takes the month most cameras went in, the earliest on a tie', () => {
    expect(rolloutMonthOf(monthly({ '2025-01': 2, '2025-06': 3, '2025-09': 3 }), '2026-01')).toBe(
      '2025-06',
    );
    expect(rolloutMonthOf(monthly({ '2025-06': 3, '2026-02': 9 }), '2026-01')).toBe('2025-06');
    expect(rolloutMonthOf(new Map(), '2026-01')).toBeNull();
  });

  it('leaves the roll-out month and months not yet over out of the windows', () => {
    expect(windowsAround('2025-06', 2, '2025-08')).toEqual({
      before: ['2025-04', '2025-05'],
      after: ['2025-07'],
      span: ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08'],
    });
    expect(quietThrough(monthly({ '2025-08': 1 }), ['2025-07', '2025-08'])).toBe(false);
    expect(quietThrough(undefined, ['2025-07'])).toBe(true);
  });

  it('computes the difference in differences with every count shown', () => {
    const result = compare({
      rollout: '2025-06',
      n: 3,
      currentMonth: '2026-01',
      treated: monthly({
        '2025-03': 8,
        '2025-04': 2,
        '2025-05': 2,
        '2025-06': 5,
        '2025-07': 1,
        '2025-08': 1,
        '2025-09': 1,
      }),
      controls: [
        monthly({
          '2025-03': 3,
          '2025-04': 3,
          '2025-05': 3,
          '2025-07': 2,
          '2025-08': 2,
          '2025-09': 2,
        }),
        monthly({
          '2025-03': 1,
          '2025-04': 1,
          '2025-05': 1,
          '2025-07': 1,
          '2025-08': 1,
          '2025-09': 1,
        }),
      ],
    });
    expect(result).toEqual({
      rolloutMonth: '2025-06',
      months: 3,
      beforeMonths: 3,
      afterMonths: 3,
      treated: { beforeIncidents: 12, afterIncidents: 3, beforeRate: 4, afterRate: 1 },
      control: { units: 2, beforeIncidents: 12, afterIncidents: 9, beforeRate: 2, afterRate: 1.5 },
      did: -2.5,
      reason: null,
    });
  });

  it('gives no number, and says why, without controls, a roll-out or months after it', () => {
    const base = { n: 3, currentMonth: '2026-01', treated: new Map<string, number>() };
    expect(compare({ ...base, rollout: null, controls: [] })).toMatchObject({
      did: null,
      reason: 'no_rollout',
    });
    expect(compare({ ...base, rollout: '2025-06', controls: [] })).toMatchObject({
      did: null,
      reason: 'no_controls',
      control: null,
    });
    expect(compare({ ...base, rollout: '2026-01', controls: [new Map()] })).toMatchObject({
      did: null,
      reason: 'no_months_after',
    });
  });
});
