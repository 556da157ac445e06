import { barWidth } from '../funding/money';

/** A horizontal bar filled to `pct` (held to 0–100), with its text for screen readers. */
export function ProgressBar(props: {
  pct: number | null;
  label: string;
  tone?: 'ok' | 'late' | 'money' | 'spent';
  testId?: string;
}) {
  const { pct, label, tone = 'ok', testId } = props;
  const width = barWidth(pct);
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(width)}
      data-testid={testId}
      data-pct={pct ?? ''}
    >
      <span className="progress-fill" style={{ width: `${width}%` }} />
    </div>
  );
}
