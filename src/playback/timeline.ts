// Pure arithmetic of the timeline: what was recorded, and why the rest was not. Ranges come
// merged from the segment index; here they are clipped to the period asked for, and the holes
// between them are labelled with what explains them.

export interface Span {
  startMs: number;
  endMs: number;
}

export interface ReasonSpan extends Span {
  /** Why nothing was recorded; null when nothing on record explains it. */
  reason: string | null;
}

/** The reason given to time whose segments are indexed but whose files are gone. */
export const missingReason = 'missing';

/** Segments closer than this count as one continuous recording (cuts leave small seams). */
export const seamMs = 1_500;

/** Spans cut to `[fromMs, toMs]`; spans left empty are dropped. */
export function clipSpans<T extends Span>(spans: readonly T[], fromMs: number, toMs: number): T[] {
  const clipped: T[] = [];
  for (const span of spans) {
    const startMs = Math.max(span.startMs, fromMs);
    const endMs = Math.min(span.endMs, toMs);
    if (endMs > startMs) clipped.push({ ...span, startMs, endMs });
  }
  return clipped;
}

/** Joins spans (sorted by start) that overlap or lie within `joinMs` of each other. */
export function mergeSpans(spans: readonly Span[], joinMs = seamMs): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.startMs - last.endMs <= joinMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ startMs: span.startMs, endMs: span.endMs });
  }
  return merged;
}

/** The parts of `[fromMs, toMs]` that no range (sorted, disjoint) covers. */
export function holesBetween(ranges: readonly Span[], fromMs: number, toMs: number): Span[] {
  const holes: Span[] = [];
  let cursor = fromMs;
  for (const range of ranges) {
    if (range.startMs > cursor)
      holes.push({ startMs: cursor, endMs: Math.min(range.startMs, toMs) });
    cursor = Math.max(cursor, range.endMs);
    if (cursor >= toMs) break;
  }
  if (cursor < toMs) holes.push({ startMs: cursor, endMs: toMs });
  return holes.filter((hole) => hole.endMs > hole.startMs);
}

interface Edge {
  atMs: number;
  kind: 'hole' | 'missing' | 'gap';
  delta: 1 | -1;
  reason: string | null;
}

/**
 * Labels each hole with what explains it: a missing file first (the footage existed), then the
 * recorder's own gap with its reason, else null. Adjacent pieces with the same label are joined.
 * A sweep over the edges, so thousands of holes cost no more than sorting them.
 */
export function explainHoles(
  holes: readonly Span[],
  missing: readonly Span[],
  recorderGaps: readonly ReasonSpan[],
): ReasonSpan[] {
  const edges: Edge[] = [];
  const add = (span: Span, kind: Edge['kind'], reason: string | null) => {
    if (span.endMs <= span.startMs) return;
    edges.push({ atMs: span.startMs, kind, delta: 1, reason });
    edges.push({ atMs: span.endMs, kind, delta: -1, reason });
  };
  for (const hole of holes) add(hole, 'hole', null);
  for (const span of missing) add(span, 'missing', missingReason);
  for (const gap of recorderGaps) add(gap, 'gap', gap.reason);
  edges.sort((a, b) => a.atMs - b.atMs);

  const out: ReasonSpan[] = [];
  const gapReasons = new Map<string | null, number>();
  let holeDepth = 0;
  let missingDepth = 0;
  let previousMs: number | null = null;
  for (const edge of edges) {
    if (previousMs !== null && edge.atMs > previousMs && holeDepth > 0) {
      const gapReason = [...gapReasons.keys()][0];
      const reason = missingDepth > 0 ? missingReason : (gapReason ?? null);
      const last = out.at(-1);
      if (last && last.endMs === previousMs && last.reason === reason) last.endMs = edge.atMs;
      else out.push({ startMs: previousMs, endMs: edge.atMs, reason });
    }
    previousMs = edge.atMs;
    if (edge.kind === 'hole') holeDepth += edge.delta;
    else if (edge.kind === 'missing') missingDepth += edge.delta;
    else {
      const count = (gapReasons.get(edge.reason) ?? 0) + edge.delta;
      if (count > 0) gapReasons.set(edge.reason, count);
      else gapReasons.delete(edge.reason);
    }
  }
  return out;
}

/** Total length of disjoint spans, in seconds. */
export function totalSeconds(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + (span.endMs - span.startMs), 0) / 1000;
}
