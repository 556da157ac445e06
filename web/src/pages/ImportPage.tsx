import { useState } from 'react';
import { toApiError, type ApiError } from '../api/client';
import { cameras } from '../api/endpoints';
import type { ImportRowError } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/i18n';

const sampleCsv = [
  'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m,status,consent_tier',
  'XD-101,Ngõ 12 Xuân Đỉnh,residential_group,00611,21.0741,105.7902,90,90,40,installed,live_always',
].join('\n');

type Outcome =
  | { kind: 'done'; imported: number; dryRun: boolean }
  | { kind: 'rows'; rows: ImportRowError[]; message: string }
  | { kind: 'failed'; error: ApiError };

/** The 422 answer lists every bad row; anything else is a plain error. */
function rowErrors(error: ApiError): ImportRowError[] | null {
  const details = error.details as { rows?: unknown } | undefined;
  if (error.code !== 'invalid_rows' || !Array.isArray(details?.rows)) return null;
  return details.rows.map((row: Partial<ImportRowError>) => ({
    line: Number(row.line),
    column: typeof row.column === 'string' ? row.column : null,
    reason: String(row.reason ?? ''),
  }));
}

/** CSV import is all or nothing: a dry run shows what would fail without changing anything. */
export function ImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { imported } = await cameras.import(file, dryRun);
      setOutcome({ kind: 'done', imported, dryRun });
    } catch (caught) {
      const error = toApiError(caught);
      const rows = rowErrors(error);
      setOutcome(rows ? { kind: 'rows', rows, message: error.message } : { kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page import-page">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.explain')}</p>
      <div className="import-controls">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <div className="button-row">
          <button type="button" disabled={!file || busy} onClick={() => void run(true)}>
            {t('import.dryRun')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!file || busy}
            onClick={() => void run(false)}
          >
            {t('import.run')}
          </button>
        </div>
      </div>
      {busy ? <p className="muted">{t('import.working')}</p> : null}
      {outcome?.kind === 'done' ? (
        <p className="success" role="status" data-testid="import-success">
          {outcome.dryRun
            ? t('import.dryRunOk', { count: outcome.imported })
            : t('import.imported', { count: outcome.imported })}
        </p>
      ) : null}
      {outcome?.kind === 'failed' ? <ErrorMessage error={outcome.error} /> : null}
      {outcome?.kind === 'rows' ? (
        <section className="import-errors">
          <p className="error-message" role="alert">
            {t('import.rowsFailed', { count: outcome.rows.length })}
          </p>
          <table className="row-errors" data-testid="import-row-errors">
            <thead>
              <tr>
                <th>{t('import.line')}</th>
                <th>{t('import.column')}</th>
                <th>{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.rows.map((row, index) => (
                <tr key={`${row.line}-${row.column ?? ''}-${index}`}>
                  <td data-label={t('import.line')}>{row.line}</td>
                  <td data-label={t('import.column')}>{row.column ?? '—'}</td>
                  <td data-label={t('import.reason')}>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <details className="import-format">
        <summary>{t('import.formatTitle')}</summary>
        <p>{t('import.formatText')}</p>
        <pre>{sampleCsv}</pre>
      </details>
    </div>
  );
}
