import { describe, expect, it } from 'vitest';
import { demoClipArgs } from './demo-incidents-evidence';
import { availableCameras, type Spot, type SpotCamera } from './demo-incidents-outcome';
import { planDemoIncidents, type PlannedCase, type WardSpots } from './demo-incidents-plan';
import {
  addMonths,
  monthOf,
  monthsFrom,
  monthStartMs,
  rolloutMonthOf,
  storyWards,
  storyWindow,
  type WardStory,
} from './demo-incidents-story';

const camera = (id: string, extra: Partial<SpotCamera> = {}): SpotCamera => ({
  id,
  installedOn: '2021-01-10',
  consentTier: 'on_request',
  recorded: false,
  ownerUserId: null,
  ...extra,
});

const spot = (seeing: SpotCamera[], address = 'Ngõ 27 Xuân Đỉnh'): Spot => ({
  latitude: 21.075,
  longitude: 105.787,
  address,
  unitPath: '/hn/xd/',
  caseUnitId: 'xd',
  caseUnitCode: '00611',
  seeing,
});

const story = (extra: Partial<WardStory> = {}): WardStory => ({
  code: '00611',
  firstMonth: '2024-01',
  casesPerMonth: () => 6,
  watchedShare: 0.8,
  cameraPrefix: null,
  streets: ['Đường Xuân Đỉnh'],
  ...extra,
});

const nowMs = Date.parse('2025-06-20T05:00:00Z');
const lateCamera = camera('late', { installedOn: '2024-09-01' });
const wards: WardSpots[] = [
  {
    story: story(),
    watched: [
      spot([camera('a'), camera('b', { recorded: true, consentTier: 'live_always' })]),
      spot([lateCamera]),
      spot([camera('private', { consentTier: 'registry_only' })]),
    ],
    unwatched: [spot([], 'Phố Xuân La')],
  },
];
const plan = () => planDemoIncidents({ nowMs, wards, extracts: 2 });

describe('demo incident months', () => {
  it('reads months in Vietnam time and steps across years', () => {
    expect(monthOf(Date.parse('2025-06-30T17:00:00Z'))).toBe('2025-07');
    expect(monthOf(Date.parse('2025-06-30T16:59:59Z'))).toBe('2025-06');
    expect(monthStartMs('2025-07')).toBe(Date.parse('2025-06-30T17:00:00Z'));
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthsFrom('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('takes the 18 months that end with last month as the story’s window', () => {
    expect(storyWindow('2026-11')).toEqual({ first: '2025-05', last: '2026-10' });
  });

  it('finds the roll-out in the month with the most installations, the earliest on a tie', () => {
    expect(
      rolloutMonthOf(['2023-05-02', '2023-12-01', null, '2023-12-09', '2023-05-30', '2021-01-01']),
    ).toBe('2023-05');
    expect(rolloutMonthOf(['2022-01-01', '2022-02-01', '2022-02-20'])).toBe('2022-02');
    expect(rolloutMonthOf([null, null])).toBeNull();
  });

  it('halves Xuân Đỉnh’s cases after its roll-out and keeps a year of history before it', () => {
    const [xuanDinh, ...others] = storyWards('2023-05', '2026-11');
    expect(xuanDinh!.firstMonth).toBe('2022-05');
    expect(xuanDinh!.casesPerMonth('2023-04')).toBe(2 * xuanDinh!.casesPerMonth('2023-06'));
    for (const ward of others.slice(0, 2)) {
      expect(ward.firstMonth).toBe('2022-05');
      expect(ward.casesPerMonth('2023-04')).toBe(ward.casesPerMonth('2023-06'));
    }
    expect(storyWards(null, '2026-11')[0]!.firstMonth).toBe('2025-05');
  });
});

describe('demo incident plan', () => {
  it('is the same on every run, oldest first, with stable consecutive ids', () => {
    const first = plan();
    expect(plan()).toEqual(first);
    expect(first.length).toBeGreaterThan(80);
    expect(first.map((c) => c.id)).toEqual(
      first.map((_, i) => `demo-incident-${String(i + 1).padStart(4, '0')}`),
    );
    const opened = first.map((c) => c.openedAtMs);
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
  });

  it('puts nothing after now, and leaves open cases without an outcome', () => {
    for (const c of plan()) {
      expect(c.openedAtMs).toBeLessThan(nowMs);
      for (const at of [c.investigatingAtMs, c.resolvedAtMs, c.closedAtMs]) {
        if (at !== null) expect(at).toBeLessThanOrEqual(nowMs);
      }
      if (c.status === 'open' || c.status === 'investigating') {
        expect([c.resolution, c.footageHelped, c.helpedBy, c.resolvedAtMs]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      }
      if (c.status === 'closed') expect(c.resolution).not.toBeNull();
    }
  });

  it('credits footage only where a sharing camera saw the place and was already installed', () => {
    const cases = plan();
    const helped = cases.filter((c) => c.footageHelped === 1);
    expect(helped.length).toBeGreaterThan(10);
    for (const c of helped) {
      expect(c.resolution).toBe('solved');
      expect(availableCameras(c.spot, c.fromMs).length).toBeGreaterThan(0);
      const delivered =
        c.extractCameraId !== null || c.requests.some((r) => r.status === 'fulfilled');
      expect(delivered, c.id).toBe(true);
      expect(c.helpedBy).not.toContain('none');
    }
    for (const c of cases) {
      const allowed = new Set(availableCameras(c.spot, c.fromMs).map((cam) => cam.id));
      for (const request of c.requests) expect(allowed.has(request.cameraId)).toBe(true);
      if (c.spot.seeing.length === 0) expect(c.footageHelped).not.toBe(1);
    }
    const beforeLate = cases.filter(
      (c) => c.spot.seeing[0]?.id === 'late' && c.fromMs < Date.parse('2024-08-31T17:00:00Z'),
    );
    expect(beforeLate.length).toBeGreaterThan(0);
    expect(beforeLate.every((c) => c.footageHelped !== 1 && c.requests.length === 0)).toBe(true);
  });

  it('answers requests before the case is solved, and solves faster with footage', () => {
    const cases = plan();
    for (const c of cases) {
      for (const r of c.requests) {
        expect(r.createdAtMs).toBeGreaterThan(c.openedAtMs);
        if (c.resolvedAtMs !== null && r.decidedAtMs !== null) {
          expect(r.decidedAtMs).toBeLessThan(c.resolvedAtMs);
        }
        expect(r.status === 'declined').toBe(r.declineReason !== null);
      }
    }
    const median = (list: PlannedCase[]) => {
      const hours = list.map((c) => (c.resolvedAtMs! - c.fromMs) / 3_600_000).sort((a, b) => a - b);
      return hours[Math.floor(hours.length / 2)]!;
    };
    const solved = cases.filter((c) => c.resolution === 'solved');
    const withFootage = solved.filter((c) => c.footageHelped === 1);
    const without = solved.filter((c) => c.footageHelped !== 1);
    expect(without.length).toBeGreaterThan(0);
    expect(median(withFootage)).toBeLessThan(median(without));
  });

  it('extracts from our recordings for the most recent cases that used a recorded camera', () => {
    const cases = plan();
    const extracted = cases.filter((c) => c.extractCameraId !== null);
    expect(extracted.map((c) => c.extractCameraId)).toEqual(['b', 'b']);
    const oldest = Math.min(...extracted.map((c) => c.fromMs));
    const fulfilledByB = (c: PlannedCase) =>
      c.requests.some((r) => r.cameraId === 'b' && r.status === 'fulfilled');
    expect(cases.filter((c) => c.fromMs >= oldest && fulfilledByB(c))).toEqual([]);
    expect(cases.some(fulfilledByB)).toBe(true);
  });
});

describe('demo clip', () => {
  it('is one second of ffmpeg’s test pattern in H.264, written to the given file', () => {
    expect(demoClipArgs('/data/demo/clip.mp4')).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=10:duration=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-y',
      '/data/demo/clip.mp4',
    ]);
  });
});
