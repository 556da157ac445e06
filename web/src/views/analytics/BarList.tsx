import { scaleBars } from './analyticsRules';
import { FigureButton } from './FigureButton';
import type { Figure } from './figureKeys';

export interface BarRow {
  id: string;
  label: string;
  n: number;
  figure: Figure;
}

/** Labelled horizontal bars, longest for the largest count; each count opens its records. */
export function BarList(props: { rows: BarRow[]; testId: string; emptyText: string }) {
  const { rows, testId, emptyText } = props;
  if (rows.length === 0) return <p className="muted">{emptyText}</p>;
  const widths = scaleBars(
    rows.map((row) => row.n),
    100,
  );
  return (
    <ul className="bar-list" data-testid={testId}>
      {rows.map((row, index) => (
        <li key={row.id} className="bar-row" data-id={row.id}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${widths[index] ?? 0}%` }} />
          </span>
          <FigureButton figure={row.figure} className="bar-count" testId={`${testId}-${row.id}`}>
            {row.n}
          </FigureButton>
        </li>
      ))}
    </ul>
  );
}
