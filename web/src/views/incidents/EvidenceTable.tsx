import { useState } from 'react';
import { evidence, type EvidenceItem } from '../../api/evidence';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useViewReason } from '../../hooks/useViewReason';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { ClockOffsetForm } from './ClockOffsetForm';
import { CustodyLog } from './CustodyLog';
import { formatBytes, formatOffset, shortHash } from './incidentRules';

/** Starts a browser download of an API address (the session cookie goes with it). */
function startDownload(href: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = '';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

function Window({ span }: { span: { from: string; to: string } | null }) {
  const { language } = useLanguage();
  if (!span) return <>—</>;
  return (
    <>
      {formatDateTime(span.from, language)} – {formatDateTime(span.to, language)}
    </>
  );
}

function EvidenceRow({ item, onChanged }: { item: EvidenceItem; onChanged: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { requestReason } = useViewReason();
  const [viewing, setViewing] = useState(false);
  const [custodyVersion, setCustodyVersion] = useState(0);
  const [copied, setCopied] = useState(false);
  const touched = () => setCustodyVersion((v) => v + 1);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(item.sha256);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission, plain http): the full hash is selectable in the title.
      setCopied(false);
    }
  };
  const download = async () => {
    const reason = await requestReason();
    if (!reason) return;
    startDownload(evidence.originalUrl(item.id, reason));
    touched();
  };

  return (
    <tr data-testid="evidence-row" data-kind={item.kind} data-item-id={item.id}>
      <td data-label={t('evidence.kind')}>{t(`evidence.kindName.${item.kind}`)}</td>
      <td data-label={t('evidence.camera')}>
        {item.source.cameraName ?? '—'}{' '}
        {item.source.cameraCode ? <code>{item.source.cameraCode}</code> : null}
        <div className="muted">{item.fileName}</div>
      </td>
      <td data-label={t('evidence.window')}>
        <div>
          <small className="muted">{t('evidence.requested')}: </small>
          <Window span={item.requested} />
        </div>
        <div>
          <small className="muted">{t('evidence.delivered')}: </small>
          <Window span={item.delivered} />
        </div>
      </td>
      <td data-label={t('evidence.clockOffset')}>
        {item.clockOffset ? (
          <span data-testid="evidence-offset">
            {formatOffset(item.clockOffset.ms)}{' '}
            <small className="muted">
              ({t(`evidence.offsetMethod.${item.clockOffset.method}`)}
              {item.clockOffset.byName ? `, ${item.clockOffset.byName}` : ''})
            </small>
          </span>
        ) : (
          <span className="muted">{t('evidence.offsetUnknown')}</span>
        )}
      </td>
      <td data-label="SHA-256">
        <code data-testid="evidence-sha256" data-sha256={item.sha256} title={item.sha256}>
          {shortHash(item.sha256)}
        </code>{' '}
        <button type="button" className="link-button" onClick={() => void copy()}>
          {copied ? t('evidence.copied') : t('evidence.copy')}
        </button>
      </td>
      <td data-label={t('evidence.size')}>{formatBytes(item.bytes)}</td>
      <td data-label={t('evidence.collected')}>
        {item.collectedByName ?? t('evidence.system')}
        <div className="muted">{formatDateTime(item.collectedAt, language)}</div>
      </td>
      <td data-label={t('evidence.actions')} className="evidence-actions">
        <div className="button-row">
          <button
            type="button"
            className="small"
            data-testid="evidence-view"
            onClick={() => setViewing((v) => !v)}
          >
            {viewing ? t('evidence.hide') : t('evidence.view')}
          </button>
          <button
            type="button"
            className="small"
            data-testid="evidence-download"
            onClick={() => void download()}
          >
            {t('evidence.download')}
          </button>
        </div>
        {viewing ? (
          <video
            className="evidence-video"
            data-testid="evidence-video"
            controls
            preload="metadata"
            src={evidence.viewUrl(item.id)}
            onLoadedMetadata={touched}
          />
        ) : null}
        <details onToggle={(event) => event.currentTarget.open && touched()}>
          <summary>{t('evidence.custody')}</summary>
          <CustodyLog itemId={item.id} version={custodyVersion} />
        </details>
        {item.kind === 'upload' ? (
          <details>
            <summary>{t('evidence.setOffset')}</summary>
            <ClockOffsetForm itemId={item.id} onSaved={onChanged} />
          </details>
        ) : null}
      </td>
    </tr>
  );
}

/** The case's evidence: what was collected, how it is fingerprinted, and who touched it. */
export function EvidenceTable({ incidentId, version }: { incidentId: string; version: number }) {
  const t = useT();
  const list = useResource(
    () => evidence.forIncident(incidentId),
    `evidence:${incidentId}:${version}`,
  );
  const items = list.data?.items ?? [];
  return (
    <section className="card card--wide" data-testid="evidence-panel">
      <h2>{t('evidence.title')}</h2>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="muted">{t('evidence.none')}</p> : null}
      {items.length > 0 ? (
        <table className="incident-table evidence-table" data-testid="evidence-table">
          <thead>
            <tr>
              <th>{t('evidence.kind')}</th>
              <th>{t('evidence.camera')}</th>
              <th>{t('evidence.window')}</th>
              <th>{t('evidence.clockOffset')}</th>
              <th>SHA-256</th>
              <th>{t('evidence.size')}</th>
              <th>{t('evidence.collected')}</th>
              <th>{t('evidence.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <EvidenceRow key={item.id} item={item} onChanged={list.reload} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
