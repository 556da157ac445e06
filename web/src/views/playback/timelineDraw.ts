// Draws the timeline on a canvas: recorded ranges green, gaps grey, missing files red, holds as
// an amber band above, the playing moment as a line, and ticks at round Vietnam times. A canvas
// because a month of footage can be thousands of ranges.
import type { Language } from '../../i18n/i18n';
import type { TimelineData } from './playbackApi';
import { formatTick } from './timeFormat';
import { ticks, type View } from './timeMath';

export const timelineColours = {
  recorded: '#2e9d57',
  gap: '#b7c0c8',
  missing: '#c62828',
  hold: '#e8a100',
  cursor: '#0d3b66',
  text: '#1d2731',
  grid: '#d5dde4',
};

export interface DrawOptions {
  width: number;
  height: number;
  view: View;
  data: TimelineData | undefined;
  cursorMs: number | null;
  language: Language;
  compact: boolean;
}

export function drawTimeline(context: CanvasRenderingContext2D, options: DrawOptions): void {
  const { width, height, view, data, cursorMs, language, compact } = options;
  const span = Math.max(1, view.endMs - view.startMs);
  const x = (ms: number) => ((ms - view.startMs) / span) * width;
  const labelHeight = compact ? 14 : 18;
  const holdBand = compact ? 4 : 6;
  const barTop = holdBand + 2;
  const barHeight = height - barTop - labelHeight;

  context.clearRect(0, 0, width, height);
  context.fillStyle = '#fff';
  context.fillRect(0, barTop, width, barHeight);

  const paint = (
    spans: { start: string; end: string }[],
    colour: string,
    top: number,
    h: number,
  ) => {
    context.fillStyle = colour;
    for (const item of spans) {
      const left = x(Date.parse(item.start));
      const right = x(Date.parse(item.end));
      if (right < 0 || left > width) continue;
      // Keep a sliver visible: a ten-second segment on a month is far below a pixel.
      context.fillRect(
        Math.max(0, left),
        top,
        Math.max(1, Math.min(width, right) - Math.max(0, left)),
        h,
      );
    }
  };
  if (data) {
    paint(data.gaps, timelineColours.gap, barTop, barHeight);
    paint(data.ranges, timelineColours.recorded, barTop, barHeight);
    paint(data.missing, timelineColours.missing, barTop, barHeight);
    paint(
      data.holds.map((hold) => ({ start: hold.from, end: hold.to })),
      timelineColours.hold,
      0,
      holdBand,
    );
  }

  context.font = `${compact ? 10 : 11}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  const marks = ticks(view, Math.max(2, Math.floor(width / (compact ? 70 : 90))));
  for (const tick of marks) {
    const at = Math.round(x(tick.atMs)) + 0.5;
    context.strokeStyle = timelineColours.grid;
    context.beginPath();
    context.moveTo(at, barTop + barHeight);
    context.lineTo(at, barTop + barHeight + 4);
    context.stroke();
    const label = formatTick(tick.atMs, tick.stepMs, language);
    const labelWidth = context.measureText(label).width;
    context.fillStyle = timelineColours.text;
    context.fillText(
      label,
      Math.min(width - labelWidth, Math.max(0, at - labelWidth / 2)),
      barTop + barHeight + 4,
    );
  }

  if (cursorMs !== null && cursorMs >= view.startMs && cursorMs <= view.endMs) {
    const at = Math.round(x(cursorMs)) + 0.5;
    context.strokeStyle = timelineColours.cursor;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(at, 0);
    context.lineTo(at, barTop + barHeight);
    context.stroke();
    context.lineWidth = 1;
  }
}
