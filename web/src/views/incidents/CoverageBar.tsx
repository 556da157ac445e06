import type { Span } from '../../api/incidents';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { coverageBar } from './incidentRules';

/** The case window as a bar: green where we recorded, hatched red where we did not. */
export function CoverageBar({
  window,
  recorded,
  gaps,
}: {
  window: Span;
  recorded: Span[];
  gaps: Span[];
}) {
  const t = useT();
  const { language } = useLanguage();
  const parts = coverageBar(window, recorded, gaps);
  return (
    <div
      className="coverage-bar"
      role="img"
      data-testid="coverage-bar"
      aria-label={t('finder.coverageLabel', { recorded: recorded.length, gaps: gaps.length })}
    >
      {parts.map((part) => (
        <span
          key={`${part.kind}-${part.from}`}
          className={`coverage-bar-part coverage-bar-part--${part.kind}`}
          style={{ left: `${part.left}%`, width: `${Math.max(part.width, 0.5)}%` }}
          title={`${t(part.kind === 'gap' ? 'finder.gap' : 'finder.recordedPart')}: ${formatDateTime(part.from, language)} – ${formatDateTime(part.to, language)}`}
        />
      ))}
    </div>
  );
}
