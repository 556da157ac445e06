import type { KeyboardEvent } from 'react';
import { scaleBars } from './analyticsRules';
import { useOpenRecords } from './FigureButton';
import type { Figure } from './figureKeys';

export interface SvgBar {
  id: string;
  /** Text under the bar (may be empty to leave room). */
  tick: string;
  n: number;
  figure: Figure;
  shaded?: boolean;
}

const plotHeight = 110;
const top = 16;
const bottom = 20;

/**
 * Vertical bars in plain SVG, scaled to the largest; each bar (with its count above it) is a
 * button that opens its records. Shaded bars get a tinted band behind them (night hours).
 */
export function SvgBars(props: {
  bars: SvgBar[];
  barWidth: number;
  label: string;
  testId: string;
}) {
  const { bars, barWidth, label, testId } = props;
  const open = useOpenRecords();
  const heights = scaleBars(
    bars.map((bar) => bar.n),
    plotHeight,
  );
  const step = barWidth + 4;
  const width = Math.max(step * bars.length, step);
  const height = top + plotHeight + bottom;
  const onKey = (event: KeyboardEvent, figure: Figure) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(figure);
    }
  };
  return (
    <svg
      className="svg-bars"
      data-testid={testId}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {bars.map((bar, index) => {
        const x = index * step + 2;
        const h = heights[index] ?? 0;
        return (
          <g
            key={bar.id}
            className={`svg-bar${bar.shaded ? ' svg-bar--shaded' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={bar.figure.label}
            data-key={bar.figure.key}
            data-value={bar.n}
            onClick={() => open(bar.figure)}
            onKeyDown={(event) => onKey(event, bar.figure)}
          >
            {bar.shaded ? (
              <rect className="svg-band" x={x - 2} y={0} width={step} height={top + plotHeight} />
            ) : null}
            <rect
              className="svg-bar-fill"
              x={x}
              y={top + plotHeight - h}
              width={barWidth}
              height={h}
            />
            {/* A transparent hit area the full height, so a short bar is still easy to tap. */}
            <rect className="svg-hit" x={x - 2} y={0} width={step} height={height} />
            <text className="svg-count" x={x + barWidth / 2} y={top + plotHeight - h - 3}>
              {bar.n}
            </text>
            <text className="svg-tick" x={x + barWidth / 2} y={height - 5}>
              {bar.tick}
            </text>
            <title>{bar.figure.label}</title>
          </g>
        );
      })}
    </svg>
  );
}
