// Pure arithmetic of the player and the timeline: where a moment of the stream falls on the
// wall clock, how wide the view is, and where its ticks go. Vietnam keeps UTC+7 all year.
import type { PlaybackPiece } from './playbackApi';

const secondMs = 1_000;
export const minuteMs = 60 * secondMs;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
const vietnamOffsetMs = 7 * hourMs;

/** The narrowest and widest views of the timeline: half a minute to a month. */
const minSpanMs = 30 * secondMs;
export const maxSpanMs = 31 * dayMs;

/** A piece of footage placed in the player's buffer. */
export interface PlacedPiece {
  startMs: number;
  endMs: number;
  /** Seconds of the video element's timeline where the piece begins. */
  bufferStart: number;
}

/** A window's pieces, placed at `offset` seconds of the buffer. */
export function placePieces(pieces: readonly PlaybackPiece[], offset: number): PlacedPiece[] {
  return pieces.map((piece) => ({
    startMs: Date.parse(piece.start),
    endMs: Date.parse(piece.end),
    bufferStart: offset + piece.mediaStart,
  }));
}

/** The wall-clock moment shown at `time` seconds of the buffer; null before any piece. */
export function wallAt(placed: readonly PlacedPiece[], time: number): number | null {
  let best: PlacedPiece | null = null;
  for (const piece of placed) {
    if (piece.bufferStart <= time && (!best || piece.bufferStart >= best.bufferStart)) best = piece;
  }
  if (!best) return null;
  return Math.min(best.endMs, best.startMs + (time - best.bufferStart) * 1000);
}

/** Where in the buffer the wall-clock moment `wallMs` is; null when it is not loaded. */
export function bufferAt(placed: readonly PlacedPiece[], wallMs: number): number | null {
  for (const piece of placed) {
    if (wallMs >= piece.startMs && wallMs < piece.endMs) {
      return piece.bufferStart + (wallMs - piece.startMs) / 1000;
    }
  }
  return null;
}

export interface View {
  startMs: number;
  endMs: number;
}

/** Zooms by `factor` (< 1 narrows) keeping the moment `anchorMs` under the same spot. */
export function zoomView(view: View, factor: number, anchorMs: number): View {
  const span = view.endMs - view.startMs;
  const next = Math.min(maxSpanMs, Math.max(minSpanMs, span * factor));
  const share = span > 0 ? (anchorMs - view.startMs) / span : 0.5;
  const startMs = anchorMs - share * next;
  return { startMs, endMs: startMs + next };
}

/** A view of `span` centred on `centreMs`. */
export function viewAround(centreMs: number, span: number): View {
  const clamped = Math.min(maxSpanMs, Math.max(minSpanMs, span));
  return { startMs: centreMs - clamped / 2, endMs: centreMs + clamped / 2 };
}

const tickSteps = [
  secondMs,
  5 * secondMs,
  10 * secondMs,
  30 * secondMs,
  minuteMs,
  5 * minuteMs,
  10 * minuteMs,
  30 * minuteMs,
  hourMs,
  3 * hourMs,
  6 * hourMs,
  12 * hourMs,
  dayMs,
  2 * dayMs,
  7 * dayMs,
];

/** Tick marks at round Vietnam times, about `wanted` of them across the view. */
export function ticks(view: View, wanted: number): { atMs: number; stepMs: number }[] {
  const span = view.endMs - view.startMs;
  const step = tickSteps.find((candidate) => span / candidate <= wanted) ?? 7 * dayMs;
  const first = Math.ceil((view.startMs + vietnamOffsetMs) / step) * step - vietnamOffsetMs;
  const out: { atMs: number; stepMs: number }[] = [];
  for (let at = first; at <= view.endMs && out.length < 200; at += step) {
    out.push({ atMs: at, stepMs: step });
  }
  return out;
}
