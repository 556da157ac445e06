import { useState } from 'react';
import { coverage, gapSorts, type CoverageMode, type Gap, type GapSort } from '../../api/coverage';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatLength } from './coverageRules';

/** Shortest stretch worth listing: below this a camera's edge or a corner hides it anyway. */
const minLengthM = 50;

/** Uncovered stretches longer than 50 m, by length or by incidents nearby; a click frames one. */
export function GapList(props: {
  unitId: string;
  mode: CoverageMode;
  version: string;
  onShow: (gap: Gap) => void;
}) {
  const { unitId, mode, version, onShow } = props;
  const t = useT();
  const { language } = useLanguage();
  const [sort, setSort] = useState<GapSort>('length');
  const gaps = useResource(
    () => coverage.gaps({ unitId, mode, sort, minLengthM, limit: 50 }),
    `gaps:${unitId}:${mode}:${sort}:${version}`,
  );
  const items = gaps.data?.items ?? [];

  return (
    <section className="card" data-testid="gap-list">
      <div className="section-head">
        <h2>{t('gaps.title', { min: minLengthM })}</h2>
        <label className="inline-field">
          {t('gaps.sort')}
          <EnumSelect
            id="gap-sort"
            value={sort}
            values={gapSorts}
            label={(value) => t(`gaps.sortBy.${value}`)}
            onChange={(value) => setSort(value || 'length')}
          />
        </label>
      </div>
      <ErrorMessage error={gaps.error} />
      {gaps.data && items.length === 0 ? <p className="empty">{t('gaps.none')}</p> : null}
      <ol className="gap-items">
        {items.map((gap, index) => (
          <li key={`${gap.wayId}-${index}`} data-testid="gap-row">
            <button type="button" className="gap-button" onClick={() => onShow(gap)}>
              <strong>{gap.name || t('coverage.unnamed')}</strong>
              <span>{formatLength(gap.lengthM, language)}</span>
              <span className="muted">{t('gaps.incidents', { count: gap.incidentsNearby })}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
