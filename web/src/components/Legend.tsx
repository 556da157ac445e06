import { cameraStatuses, ownerKinds } from '../api/types';
import { useT } from '../i18n/i18n';
import { ownerKindColours } from '../map/style';

/** Colours by owner kind and line styles by status, matching the map's drawing rules. */
export function Legend() {
  const t = useT();
  return (
    <div className="legend" aria-label={t('map.legend')}>
      <strong>{t('map.legend')}</strong>
      <ul>
        {ownerKinds.map((kind) => (
          <li key={kind}>
            <span className="legend-swatch" style={{ background: ownerKindColours[kind] }} />
            {t(`ownerKind.${kind}`)}
          </li>
        ))}
      </ul>
      <ul>
        {cameraStatuses
          .filter((status) => status !== 'installed')
          .map((status) => (
            <li key={status}>
              <span className={`legend-line legend-line--${status}`} />
              {t(`status.${status}`)}
            </li>
          ))}
      </ul>
    </div>
  );
}
