import type { ChildCoverage, StreetCoverage } from '../../api/coverage';
import { useLanguage, useT } from '../../i18n/i18n';
import { ProgressBar } from '../planning/ProgressBar';
import { byUncovered, formatLength, formatPct, uncoveredM } from './coverageRules';

/** Every street of the unit, the one with the most unseen length first. */
export function StreetTable({ streets }: { streets: StreetCoverage[] }) {
  const t = useT();
  const { language } = useLanguage();
  if (streets.length === 0) return <p className="empty">{t('coverage.noStreets')}</p>;
  return (
    <div className="table-scroll">
    <table className="plan-table" data-testid="street-table">
      <thead>
        <tr>
          <th>{t('coverage.street')}</th>
          <th>{t('coverage.length')}</th>
          <th>{t('coverage.uncovered')}</th>
          <th>{t('coverage.pct')}</th>
        </tr>
      </thead>
      <tbody>
        {byUncovered(streets).map((street) => (
          <tr key={`${street.name}|${street.kind}`} data-testid="street-row">
            <td data-label={t('coverage.street')}>
              {street.name || t('coverage.unnamed')}{' '}
              <small className="muted">{street.kind}</small>
            </td>
            <td data-label={t('coverage.length')}>{formatLength(street.lengthM, language)}</td>
            <td data-label={t('coverage.uncovered')}>
              {formatLength(uncoveredM(street), language)}
            </td>
            <td data-label={t('coverage.pct')} className="cell-bar">
              <ProgressBar pct={street.pct} label={formatPct(street.pct, language)} />
              <span>{formatPct(street.pct, language)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** The unit's direct children with roads; choosing one drills down to it. */
export function ChildUnitsTable(props: {
  units: ChildCoverage[];
  onOpen: (unitId: string) => void;
}) {
  const { units, onOpen } = props;
  const t = useT();
  const { language } = useLanguage();
  if (units.length === 0) return null;
  return (
    <div className="table-scroll">
    <table className="plan-table" data-testid="child-units">
      <thead>
        <tr>
          <th>{t('coverage.unit')}</th>
          <th>{t('coverage.length')}</th>
          <th>{t('coverage.covered')}</th>
          <th>{t('coverage.pct')}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr key={unit.unitId}>
            <td data-label={t('coverage.unit')}>
              <button type="button" className="link-button" onClick={() => onOpen(unit.unitId)}>
                {unit.name}
              </button>
            </td>
            <td data-label={t('coverage.length')}>{formatLength(unit.lengthM, language)}</td>
            <td data-label={t('coverage.covered')}>{formatLength(unit.coveredM, language)}</td>
            <td data-label={t('coverage.pct')} className="cell-bar">
              <ProgressBar pct={unit.pct} label={formatPct(unit.pct, language)} />
              <span>{formatPct(unit.pct, language)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
