import type { FinderResult, FoundCamera } from '../../api/incidents';
import { availabilities } from '../../api/incidents';
import { useT } from '../../i18n/i18n';
import { CoverageBar } from './CoverageBar';
import { availabilityColours, canExtract, canRequest, formatDistance } from './incidentRules';

interface FinderListProps {
  result: FinderResult;
  /** Actions exist only on a saved case; the new-incident preview lists cameras alone. */
  actions?: {
    selected: ReadonlySet<string>;
    onToggle: (cameraId: string) => void;
    onExtract: (found: FoundCamera) => void;
    extracting: string | null;
  };
}

/** Candidate cameras grouped by how their footage can be had, nearest and best-aimed first. */
export function FinderList({ result, actions }: FinderListProps) {
  const t = useT();
  const window = { from: result.query.from, to: result.query.to };
  return (
    <div className="finder-list" data-testid="finder-list">
      <p className="muted" data-testid="finder-summary">
        {t('finder.summary', { seeing: result.seeing, nearby: result.nearby })}
      </p>
      {availabilities.map((availability) => {
        const items = result.groups[availability];
        return (
          <section
            key={availability}
            className="finder-group"
            data-testid={`finder-group-${availability}`}
            data-count={items.length}
          >
            <h3>
              <span
                className="legend-swatch"
                style={{ background: availabilityColours[availability] }}
              />
              {t(`finder.group.${availability}`)} <small>({items.length})</small>
            </h3>
            {items.length === 0 ? <p className="muted">{t('finder.groupEmpty')}</p> : null}
            <ul>
              {items.map((found) => (
                <li
                  key={found.camera.id}
                  className="finder-row"
                  data-testid="finder-camera"
                  data-camera-code={found.camera.code}
                  data-camera-id={found.camera.id}
                >
                  <div className="finder-row-head">
                    {actions && canRequest(found) ? (
                      <label className="checkbox" title={t('finder.selectForRequest')}>
                        <input
                          type="checkbox"
                          data-testid="finder-select"
                          checked={actions.selected.has(found.camera.id)}
                          onChange={() => actions.onToggle(found.camera.id)}
                        />
                        <span className="visually-hidden">{t('finder.selectForRequest')}</span>
                      </label>
                    ) : null}
                    <a href={`/cameras/${encodeURIComponent(found.camera.id)}`}>
                      <strong>{found.camera.name}</strong>
                    </a>
                    <code>{found.camera.code}</code>
                    <span className="muted">{formatDistance(found.distanceM)}</span>
                    {found.sees ? (
                      <span className="chip chip--sees" data-testid="finder-sees">
                        {t('finder.sees')}
                      </span>
                    ) : (
                      <span className="chip">{t('finder.nearby')}</span>
                    )}
                    {found.coverage !== 'none' ? (
                      <span className={`chip chip--${found.coverage}`}>
                        {t(`finder.coverage.${found.coverage}`)}
                      </span>
                    ) : null}
                    {actions && canExtract(found) ? (
                      <button
                        type="button"
                        className="small"
                        data-testid="finder-extract"
                        disabled={actions.extracting !== null}
                        onClick={() => actions.onExtract(found)}
                      >
                        {actions.extracting === found.camera.id
                          ? t('finder.extracting')
                          : t('finder.extract')}
                      </button>
                    ) : null}
                  </div>
                  {found.availability === 'recorded' ? (
                    <CoverageBar window={window} recorded={found.recorded} gaps={found.gaps} />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
