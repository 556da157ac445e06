import { describe, expect, it } from 'vitest';
import { translate } from '../../web/src/i18n/i18n';
import { byUncovered, formatLength, formatPct } from '../../web/src/views/coverage/coverageRules';
import {
  barWidth,
  formatVnd,
  parseVndInput,
  shareOf,
  tidyVndInput,
} from '../../web/src/views/funding/money';
import {
  lifecycleSteps,
  monthOf,
  needsCamera,
  nextStatus,
  projectionSentence,
  vietnamToday,
} from '../../web/src/views/planning/planningRules';
import type { Target } from '../../web/src/api/planning';

// The planning and funding screens' pure decisions (no browser needed): how money is typed and
// read, how lengths and percentages read, the site lifecycle, and the projection sentence.

const nbsp = '\u00a0';

describe('money on screen', () => {
  it('shows whole VND grouped the Vietnamese way, with the đồng sign', () => {
    expect(formatVnd(150_000_000, 'vi')).toBe(`150.000.000${nbsp}₫`);
    expect(formatVnd(1_500_000, 'en')).toBe(`1,500,000${nbsp}₫`);
    expect(formatVnd(0, 'vi')).toBe(`0${nbsp}₫`);
    expect(formatVnd(null, 'vi')).toBe('—');
  });

  it('reads thousands separators of either style, spaces and currency words', () => {
    expect(parseVndInput('1.500.000')).toBe(1_500_000);
    expect(parseVndInput('1,500,000')).toBe(1_500_000);
    expect(parseVndInput('1 500 000 ₫')).toBe(1_500_000);
    expect(parseVndInput('500000 VND')).toBe(500_000);
    expect(parseVndInput('2.000 đ')).toBe(2_000);
    expect(parseVndInput('-1')).toBe(-1);
  });

  it('keeps a typed fraction or zero as it is, so the server can refuse it by name', () => {
    expect(parseVndInput('1.5')).toBe(1.5);
    expect(parseVndInput('1,5')).toBe(1.5);
    expect(parseVndInput('1.500,5')).toBe(1500.5);
    expect(parseVndInput('0')).toBe(0);
  });

  it('tells empty from nonsense', () => {
    expect(parseVndInput('   ')).toBeNull();
    expect(parseVndInput('abc')).toBeNaN();
    expect(parseVndInput('1.50.0')).toBeNaN();
  });

  it('groups a whole amount when the field is left, and leaves anything else as typed', () => {
    expect(tidyVndInput('1500000', 'vi')).toBe('1.500.000');
    expect(tidyVndInput('1500000', 'en')).toBe('1,500,000');
    expect(tidyVndInput('1.5', 'vi')).toBe('1.5');
    expect(tidyVndInput('abc', 'vi')).toBe('abc');
  });

  it('holds progress bars to 0–100 and a share of nothing to null', () => {
    expect(barWidth(140)).toBe(100);
    expect(barWidth(-3)).toBe(0);
    expect(barWidth(null)).toBe(0);
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(5, 0)).toBeNull();
  });
});

describe('coverage figures', () => {
  it('reads metres below a kilometre and kilometres with one decimal above', () => {
    expect(formatLength(349.6, 'vi')).toBe(`350${nbsp}m`);
    expect(formatLength(1234, 'vi')).toBe(`1,2${nbsp}km`);
    expect(formatLength(1234, 'en')).toBe(`1.2${nbsp}km`);
    expect(formatPct(42.5, 'vi')).toBe(`42,5${nbsp}%`);
    expect(formatPct(null, 'vi')).toBe('—');
  });

  it('puts the street with the most uncovered length first', () => {
    const streets = [
      { name: 'Xuân Đỉnh', lengthM: 1000, coveredM: 900 },
      { name: 'Ngõ 27', lengthM: 300, coveredM: 0 },
      { name: 'Tân Xuân', lengthM: 800, coveredM: 200 },
    ];
    expect(byUncovered(streets).map((s) => s.name)).toEqual(['Tân Xuân', 'Ngõ 27', 'Xuân Đỉnh']);
  });
});

describe('planned site lifecycle', () => {
  it('moves forward one step at a time and stops once connected', () => {
    expect(nextStatus('proposed')).toBe('surveyed');
    expect(nextStatus('funded')).toBe('installed');
    expect(nextStatus('connected')).toBeNull();
  });

  it('asks for a camera only to install and connect', () => {
    expect(needsCamera('installed')).toBe(true);
    expect(needsCamera('connected')).toBe(true);
    expect(needsCamera('funded')).toBe(false);
  });

  it('marks reached steps done, the current one current, and carries their dates', () => {
    const steps = lifecycleSteps({
      status: 'agreed',
      dates: {
        proposed: '2026-01-05T02:00:00.000Z',
        surveyed: '2026-01-10T02:00:00.000Z',
        agreed: '2026-02-01T02:00:00.000Z',
        funded: null,
        installed: null,
        connected: null,
      },
    });
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo', 'todo']);
    expect(steps[1]?.date).toBe('2026-01-10T02:00:00.000Z');
  });

  it("takes today's date in Vietnam, which is already tomorrow after 17:00 UTC", () => {
    expect(vietnamToday(Date.parse('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
    expect(vietnamToday(Date.parse('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});

describe('target projection sentence', () => {
  const target = (change: Partial<Target>): Target => ({
    id: 't',
    unitId: 'u',
    unitName: 'Xuân Đỉnh',
    metric: 'cameras',
    targetValue: 120,
    dueOn: '2026-12-31',
    note: null,
    current: 40,
    progressPct: 33.3,
    projection: { ratePerMonth: 2, projectedOn: '2027-03-14', willMeet: false, basis: '' },
    ...change,
  });
  const say = (t: Target) => {
    const sentence = projectionSentence(t);
    return translate('vi', sentence.key, sentence.params);
  };

  it('says the month it will be reached and that it is late', () => {
    expect(monthOf('2027-03-14')).toBe('03/2027');
    expect(say(target({}))).toBe('Với tốc độ hiện tại sẽ đạt vào 03/2027 — trễ hạn');
  });

  it('says on time when the projected day is on or before the due date', () => {
    const onTime = target({
      projection: { ratePerMonth: 9, projectedOn: '2026-11-02', willMeet: true, basis: '' },
    });
    expect(say(onTime)).toBe('Với tốc độ hiện tại sẽ đạt vào 11/2026 — đúng hạn');
  });

  it('says when there is not enough history, and when the target is already reached', () => {
    const unknown = target({
      projection: { ratePerMonth: 0, projectedOn: null, willMeet: false, basis: 'x' },
    });
    expect(say(unknown)).toBe('Chưa đủ dữ liệu để dự báo.');
    expect(say(target({ current: 120 }))).toBe('Đã đạt chỉ tiêu.');
  });
});
