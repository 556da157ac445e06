import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { cameras } from '../../api/endpoints';
import { sites, type Site, type SiteStatus } from '../../api/planning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useDebounced, useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import { needsCamera, nextStatus, vietnamToday } from './planningRules';

/**
 * Moves a site one step on, on a chosen day; installing and connecting ask which registered
 * camera now stands there (found by its code).
 */
export function NextStepForm(props: { site: Site; onSaved: (site: Site) => void }) {
  const { site, onSaved } = props;
  const t = useT();
  const next = nextStatus(site.status);
  const [on, setOn] = useState(() => vietnamToday(Date.now()));
  const [query, setQuery] = useState('');
  const [camera, setCamera] = useState<{ id: string; code: string } | null>(
    site.cameraId && site.cameraCode ? { id: site.cameraId, code: site.cameraCode } : null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const debounced = useDebounced(query.trim(), 250);
  const found = useResource(
    () => cameras.list({ q: debounced, limit: 8, offset: 0 }),
    debounced ? `cameras:${debounced}` : null,
  );

  if (!next) return <p className="muted">{t('sites.complete')}</p>;
  const withCamera = needsCamera(next);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const step: { status: SiteStatus; on: string; cameraId?: string } = { status: next, on };
      if (withCamera && camera) step.cameraId = camera.id;
      onSaved(await sites.advance(site.id, step));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} data-testid="site-next">
      <Field
        id="site-step-on"
        label={t('sites.stepOn')}
        error={error?.field === 'on' ? error.message : undefined}
      >
        <input id="site-step-on" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </Field>
      {withCamera ? (
        <Field
          id="site-camera"
          label={t('sites.camera')}
          hint={camera ? t('sites.cameraChosen', { code: camera.code }) : t('sites.cameraHint')}
          error={error?.field === 'cameraId' ? error.message : undefined}
        >
          <input
            id="site-camera"
            type="search"
            value={query}
            autoComplete="off"
            placeholder={t('sites.cameraSearch')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </Field>
      ) : null}
      {withCamera && debounced && query ? (
        <ul className="unit-picker-results" role="listbox" aria-label={t('sites.camera')}>
          {(found.data?.items ?? []).map((item) => (
            <li key={item.id} role="option" aria-selected={item.id === camera?.id}>
              <button
                type="button"
                onClick={() => {
                  setCamera({ id: item.id, code: item.code });
                  setQuery('');
                }}
              >
                {item.code} <small>{item.name}</small>
              </button>
            </li>
          ))}
          {found.data && found.data.items.length === 0 ? (
            <li className="unit-picker-empty">{t('sites.noCamera')}</li>
          ) : null}
        </ul>
      ) : null}
      {error?.field === 'on' || error?.field === 'cameraId' ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          disabled={busy || (withCamera && !camera)}
          data-testid="site-advance"
        >
          {t('sites.advanceTo', { status: t(`sites.status.${next}`) })}
        </button>
      </div>
    </form>
  );
}
