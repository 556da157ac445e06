import { useState } from 'react';
import { cameraStatuses, ownerKinds } from '../api/types';
import { useT } from '../i18n/i18n';
import { ownerKindColours } from '../map/style';

/** On a phone the legend starts folded: the map is the point of the screen. */
const startsOpen = () => window.matchMedia('(min-width: 641px)').matches;

/** Colours by owner kind and line styles by status, matching the map's drawing rules. */
export function Legend() {
  const t = useT();
  const [open, setOpen] = useState(startsOpen);
  return (
    <div className="legend">
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t('map.legend')}
      </button>
      {open ? (
        <>
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
        </>
      ) : null}
    </div>
  );
}
