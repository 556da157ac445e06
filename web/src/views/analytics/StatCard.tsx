import type { ReactNode } from 'react';
import { FigureButton } from './FigureButton';
import type { Figure } from './figureKeys';

/**
 * One headline figure: its value opens the records behind it, or, for a figure that is not a
 * count of records (coverage of streets), goes to the page that explains it.
 */
export function StatCard(props: {
  label: string;
  value: ReactNode;
  figure?: Figure;
  href?: string;
  note?: ReactNode;
  testId: string;
}) {
  const { label, value, figure, href, note, testId } = props;
  return (
    <div className="stat-card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      {figure ? (
        <FigureButton figure={figure} className="stat-value" testId={`${testId}-value`}>
          {value}
        </FigureButton>
      ) : href ? (
        <a className="stat-value" href={href} data-testid={`${testId}-value`}>
          {value}
        </a>
      ) : (
        <span className="stat-value" data-testid={`${testId}-value`}>
          {value}
        </span>
      )}
      {note ? <span className="stat-note muted">{note}</span> : null}
    </div>
  );
}
