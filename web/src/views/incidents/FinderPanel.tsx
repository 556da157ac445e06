import { useMemo, useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { evidence } from '../../api/evidence';
import { incidents, type FoundCamera, type Incident } from '../../api/incidents';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import { FinderList } from './FinderList';
import { FinderMap } from './FinderMap';
import { HoldForm } from './HoldForm';
import { RequestForm } from './RequestForm';
import { allFound, defaultRadiusM, extractionRange, finderRadii } from './incidentRules';

interface FinderPanelProps {
  incident: Incident;
  onHeld: () => void;
  onRequested: () => void;
  onExtracted: () => void;
}

/** The cameras that may have seen the case, on a map and in a list, with what can be done. */
export function FinderPanel({ incident, onHeld, onRequested, onExtracted }: FinderPanelProps) {
  const t = useT();
  const [radiusM, setRadiusM] = useState<number>(defaultRadiusM);
  const finder = useResource(
    () => incidents.finder(incident.id, radiusM),
    `finder:${incident.id}:${radiusM}:${incident.updatedAt}`,
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [extracting, setExtracting] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<'hold' | 'request' | null>(null);
  const found = useMemo(() => (finder.data ? allFound(finder.data) : []), [finder.data]);

  const toggle = (cameraId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(cameraId)) next.delete(cameraId);
      else next.add(cameraId);
      return next;
    });

  const extract = async (item: FoundCamera) => {
    const range = extractionRange({ from: incident.from, to: incident.to }, item.recorded);
    if (!range) return;
    setExtracting(item.camera.id);
    setActionError(null);
    try {
      await evidence.extract(incident.id, { cameraId: item.camera.id, ...range });
      onExtracted();
    } catch (caught) {
      setActionError(toApiError(caught));
    } finally {
      setExtracting(null);
    }
  };

  return (
    <section className="card card--wide finder-panel" data-testid="finder-panel">
      <div className="section-head">
        <h2>{t('finder.title')}</h2>
        <label className="inline-field">
          {t('finder.radius')}
          <select
            data-testid="finder-radius"
            value={radiusM}
            onChange={(event) => setRadiusM(Number(event.target.value))}
          >
            {finderRadii.map((r) => (
              <option key={r} value={r}>
                {r} m
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="finder-layout">
        <FinderMap
          point={{ latitude: incident.latitude, longitude: incident.longitude }}
          radiusM={radiusM}
          found={found}
          fallbackCenter={[incident.latitude, incident.longitude]}
          testId="finder-map"
        />
        <div>
          <ErrorMessage error={finder.error} />
          {finder.data ? (
            <FinderList
              result={finder.data}
              actions={{
                selected,
                onToggle: toggle,
                onExtract: (item) => void extract(item),
                extracting,
              }}
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
      </div>
      <ErrorMessage error={actionError} />
      <div className="button-row">
        <button
          type="button"
          data-testid="hold-open"
          aria-expanded={open === 'hold'}
          onClick={() => setOpen(open === 'hold' ? null : 'hold')}
        >
          {t('caseHolds.create')}
        </button>
        <button
          type="button"
          data-testid="request-open"
          aria-expanded={open === 'request'}
          disabled={selected.size === 0}
          onClick={() => setOpen(open === 'request' ? null : 'request')}
        >
          {t('requests.send', { count: selected.size })}
        </button>
      </div>
      {open === 'hold' ? (
        <HoldForm
          incidentId={incident.id}
          radiusM={radiusM}
          onDone={() => {
            setOpen(null);
            onHeld();
          }}
        />
      ) : null}
      {open === 'request' ? (
        <RequestForm
          incident={incident}
          cameraIds={[...selected]}
          onDone={() => {
            setOpen(null);
            setSelected(new Set());
            onRequested();
          }}
        />
      ) : null}
    </section>
  );
}
