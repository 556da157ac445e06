// A small seeded generator, so the demo data set is the same on every machine and every run
// (idempotent seeding depends on generating the same camera codes and places again).

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  between(min: number, max: number): number;
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast and good enough for scattering demo cameras. */
export function seededRandom(seed: number | string): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(items.length * next())];
      if (item === undefined) throw new Error('cannot pick from an empty list');
      return item;
    },
  };
}

function hashString(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  return hash >>> 0;
}

/** Rounds a coordinate to about 1 m, as a phone's map picker would. */
export const round5 = (value: number): number => Math.round(value * 100_000) / 100_000;

/** The compass bearing (0–359°, clockwise from north) from one point to another. */
export function bearing(from: readonly [number, number], to: readonly [number, number]): number {
  const [lat1, lng1] = from;
  const [lat2, lng2] = to;
  const dLng = (lng2 - lng1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const degrees = (Math.atan2(dLng, lat2 - lat1) * 180) / Math.PI;
  return Math.round((degrees + 360) % 360) % 360;
}
