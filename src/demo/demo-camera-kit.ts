import type { CameraInput } from '../cameras/camera.types';
import { bearing, round5, type Random } from './demo-random';

// Shared pieces for the demo cameras: defaults, points along a road, and owner details.
// Every person, shop and phone number is invented.

/** The id of today's unit with this code. */
export type UnitIdOf = (code: string) => string;

export type DemoCamera = CameraInput;

type CoreFields = Pick<
  CameraInput,
  'code' | 'name' | 'ownerKind' | 'jurisdictionId' | 'latitude' | 'longitude' | 'heading'
>;

export function camera(fields: CoreFields & Partial<CameraInput>): DemoCamera {
  return {
    fov: 90,
    rangeM: 50,
    status: 'online',
    consentTier: 'on_request',
    retentionDays: 30,
    signagePosted: true,
    ...fields,
    latitude: round5(fields.latitude),
    longitude: round5(fields.longitude),
  };
}

/** The simulated RTSP cameras that `serve --demo` starts (`src/sim/`) answer with these. */
export const DEMO_SIM_CREDENTIALS = { username: 'demo', password: 'demo-pass' } as const;

/** How many simulated cameras the demo's stream URLs name: cam-001 … cam-019. */
export const DEMO_SIM_CAMERAS = 19;

/** Simulated camera `n` on loopback at the demo's RTSP port: its main or sub stream. */
export const demoStream = (n: number, port: number, sub = false): string => {
  const { username, password } = DEMO_SIM_CREDENTIALS;
  const name = `cam-${String(n).padStart(3, '0')}${sub ? '/sub' : ''}`;
  return `rtsp://${username}:${password}@127.0.0.1:${port}/${name}`;
};

export interface RoadPoint {
  lat: number;
  lng: number;
  /** Bearing of the road at this point, so a camera can look along it. */
  along: number;
}

/** `count` evenly spaced points along a polyline of [lat, lng] vertices. */
export function pointsAlong(
  line: readonly (readonly [number, number])[],
  count: number,
): RoadPoint[] {
  const lengths = line
    .slice(1)
    .map((to, i) => Math.hypot(to[0] - line[i]![0], to[1] - line[i]![1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const points: RoadPoint[] = [];
  for (let k = 0; k < count; k++) {
    let distance = ((k + 0.5) / count) * total;
    let segment = 0;
    while (segment < lengths.length - 1 && distance > lengths[segment]!)
      distance -= lengths[segment++]!;
    const from = line[segment]!;
    const to = line[segment + 1]!;
    const t = lengths[segment] ? distance / lengths[segment]! : 0;
    points.push({
      lat: from[0] + (to[0] - from[0]) * t,
      lng: from[1] + (to[1] - from[1]) * t,
      along: bearing(from, to),
    });
  }
  return points;
}

/** A point scattered within about `radius` degrees of a centre. */
export function near(
  random: Random,
  lat: number,
  lng: number,
  radius: number,
): { lat: number; lng: number } {
  return { lat: lat + random.between(-radius, radius), lng: lng + random.between(-radius, radius) };
}

const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Phan',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const middleNames = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang', 'Ngọc', 'Hữu', 'Xuân', 'Thu'];
const givenNames = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Tuấn',
  'Yến',
];

export function householdOwner(random: Random): string {
  return `Hộ ${random.pick(familyNames)} ${random.pick(middleNames)} ${random.pick(givenNames)}`;
}

/** 0900 000 000 – 0900 999 999: a block no real subscriber has. */
export function demoPhone(random: Random): string {
  return `0900 ${String(random.integer(0, 999)).padStart(3, '0')} ${String(random.integer(0, 999)).padStart(3, '0')}`;
}

/** What owners choose to share: most answer requests, some only register, a few stream. */
export const householdTiers = [
  'on_request',
  'on_request',
  'registry_only',
  'live_on_alarm',
  'on_request',
  'live_always',
] as const;

/** A date in the given year and month range, as YYYY-MM-DD. */
export function dateIn(random: Random, year: number, fromMonth = 1, toMonth = 12): string {
  const month = random.integer(fromMonth, toMonth);
  return `${year}-${String(month).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
}
