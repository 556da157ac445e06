// Counting what a recording run lost: the wall clock is cut into segment-length slots (the
// recorder cuts segments on multiples of the segment length), and a slot of a camera with no
// footage in it is a lost segment.

export interface Span {
  camera: string;
  startMs: number;
  endMs: number;
}

/** Whole slots between `fromMs` and `toMs` (per camera, `cameraCount` cameras) without footage. */
export function lostSlots(
  spans: Span[],
  cameraCount: number,
  fromMs: number,
  toMs: number,
  slotMs: number,
): number {
  const first = Math.ceil(fromMs / slotMs);
  const end = Math.floor(toMs / slotMs);
  const slots = Math.max(0, end - first);
  const byCamera = new Map<string, Span[]>();
  for (const span of spans) byCamera.set(span.camera, [...(byCamera.get(span.camera) ?? []), span]);
  let lost = Math.max(0, cameraCount - byCamera.size) * slots;
  for (const cameraSpans of byCamera.values()) {
    for (let slot = first; slot < end; slot++) {
      const slotStart = slot * slotMs;
      const slotEnd = slotStart + slotMs;
      if (!cameraSpans.some((s) => s.startMs < slotEnd && s.endMs > slotStart)) lost++;
    }
  }
  return lost;
}

/** The share of `[fromMs, toMs)` × cameras covered by footage (overlaps counted once). */
export function coverage(spans: Span[], cameraCount: number, fromMs: number, toMs: number): number {
  const byCamera = new Map<string, Span[]>();
  for (const span of spans) byCamera.set(span.camera, [...(byCamera.get(span.camera) ?? []), span]);
  let covered = 0;
  for (const cameraSpans of byCamera.values()) {
    let reached = fromMs;
    for (const span of [...cameraSpans].sort((a, b) => a.startMs - b.startMs)) {
      const start = Math.max(span.startMs, reached);
      const end = Math.min(span.endMs, toMs);
      if (end > start) covered += end - start;
      reached = Math.max(reached, Math.min(span.endMs, toMs));
    }
  }
  return covered / (cameraCount * (toMs - fromMs));
}
