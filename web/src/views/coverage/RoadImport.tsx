import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { coverage, type RoadImportResult } from '../../api/coverage';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatLength } from './coverageRules';

/**
 * Replaces the unit's streets with a GeoJSON file (LineStrings, as exported from
 * OpenStreetMap). The import is all or nothing; a refusal names the feature and field at fault.
 */
export function RoadImport(props: { unitId: string; onImported: () => void }) {
  const { unitId, onImported } = props;
  const t = useT();
  const { language } = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RoadImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      setDone(await coverage.importRoads(unitId, await file.text(), file.name));
      onImported();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="road-import">
      <h2>{t('roads.title')}</h2>
      <p className="muted">{t('roads.explain')}</p>
      <div className="import-controls">
        <label htmlFor="road-file">{t('roads.file')}</label>
        <input
          id="road-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setDone(null);
            setError(null);
          }}
        />
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={!file || busy}
            data-testid="road-import-run"
            onClick={() => void run()}
          >
            {busy ? t('roads.working') : t('roads.run')}
          </button>
        </div>
      </div>
      {done ? (
        <p className="success" role="status" data-testid="road-import-done">
          {t('roads.done', {
            features: done.features,
            segments: done.segments,
            length: formatLength(done.lengthM, language),
            replaced: done.replaced,
          })}
        </p>
      ) : null}
      {error?.field ? (
        <p
          className="error-message"
          role="alert"
          data-testid="road-import-error"
          data-field={error.field}
        >
          <code>{error.field}</code>: {error.message}
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
    </section>
  );
}
