import { useEffect, useState } from 'react';
import {
  analytics,
  isCameraRecord,
  isIncidentRecord,
  type AnalyticsRecord,
  type MoneyRecord,
} from '../../api/analytics';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage, useT, type Language, type Translate } from '../../i18n/i18n';
import { formatVnd } from '../funding/money';
import type { Figure } from './figureKeys';

export const recordsPageSize = 50;

interface RecordsPanelProps {
  figure: Figure;
  unitId: string;
  period: { from: string; to: string };
  onClose: () => void;
}

/**
 * The records behind one figure, a page at a time, beside the dashboard (over it on a phone).
 * Pages follow the server's cursor; the cursors already seen make "previous" work.
 */
export function RecordsPanel({ figure, unitId, period, onClose }: RecordsPanelProps) {
  const t = useT();
  const { language } = useLanguage();
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const query = {
    unitId: figure.unitId ?? unitId,
    from: figure.period?.from ?? period.from,
    to: figure.period?.to ?? period.to,
    key: figure.key,
    limit: recordsPageSize,
    after,
  };
  const page = useResource(() => analytics.records(query), JSON.stringify(query));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const data = page.loading ? undefined : page.data;
  const start = cursors.length * recordsPageSize;
  return (
    <aside
      className="records-panel"
      role="dialog"
      aria-label={figure.label}
      data-testid="records-panel"
      data-key={figure.key}
      data-total={data?.total ?? ''}
      data-loaded={data ? 'true' : 'false'}
      data-page={cursors.length}
    >
      <header className="records-head">
        <h2>{figure.label}</h2>
        <button type="button" className="secondary" onClick={onClose} data-testid="records-close">
          {t('analytics.records.close')}
        </button>
      </header>
      <p className="muted records-scope">
        {/* Money is counted over all time up to the period's end, as the ledger is. */}
        {figure.key.startsWith('money.')
          ? t('analytics.records.upTo', { date: formatDate(query.to, language) })
          : `${formatDate(query.from, language)} – ${formatDate(query.to, language)}`}
      </p>
      <ErrorMessage error={page.error} />
      {data ? (
        <>
          <p data-testid="records-total">
            {t('analytics.records.total', { total: formatNumber(data.total, language) })}
            {data.total > 0
              ? ` · ${t('analytics.records.showing', {
                  first: start + 1,
                  last: start + data.items.length,
                })}`
              : ''}
          </p>
          {data.items.length === 0 ? (
            <p className="empty">{t('analytics.records.none')}</p>
          ) : (
            <ul className="records-list">
              {data.items.map((item) => (
                <li key={item.id} className="record" data-testid="record-row" data-id={item.id}>
                  <RecordLine item={item} t={t} language={language} />
                </li>
              ))}
            </ul>
          )}
          <nav className="pagination" aria-label={t('list.pagination')}>
            <button
              type="button"
              disabled={cursors.length === 0}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {t('list.previous')}
            </button>
            <button
              type="button"
              disabled={!data.next}
              data-testid="records-next"
              onClick={() => data.next && setCursors([...cursors, data.next])}
            >
              {t('list.next')}
            </button>
          </nav>
        </>
      ) : page.error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </aside>
  );
}

function RecordLine(props: { item: AnalyticsRecord; t: Translate; language: Language }) {
  const { item, t, language } = props;
  if (isIncidentRecord(item)) {
    const footage =
      item.footageHelped === null
        ? null
        : t(item.footageHelped ? 'analytics.records.footageHelped' : 'analytics.records.noFootage');
    return (
      <>
        <a href={`/incidents/${encodeURIComponent(item.id)}`} className="record-title">
          {item.caseNumber}
        </a>
        <span>{t(`incidents.typeName.${item.type}`)}</span>
        <span className="muted">{formatDateTime(item.from, language)}</span>
        <span className="record-chips">
          <span className="plan-chip">{t(`incidents.status.${item.status}`)}</span>
          {footage ? <span className="plan-chip plan-chip--public">{footage}</span> : null}
        </span>
      </>
    );
  }
  if (isCameraRecord(item)) {
    return (
      <>
        <a href={`/cameras/${encodeURIComponent(item.id)}`} className="record-title">
          {item.code}
        </a>
        <span>{item.name}</span>
        <span className="record-chips">
          <span className={`status-badge status-badge--${item.status}`}>
            {t(`status.${item.status}`)}
          </span>
          <span className="plan-chip">{t(`ownerKind.${item.ownerKind}`)}</span>
          <span className="plan-chip">{t(`consent.${item.consentTier}`)}</span>
        </span>
      </>
    );
  }
  return <MoneyLine item={item} language={language} />;
}

const pick = (item: MoneyRecord, names: string[]): string | null => {
  for (const name of names) {
    const value = item[name];
    if (typeof value === 'string' && value) return value;
  }
  return null;
};

/** A donation or expense: its date, who or what, and the amount. */
function MoneyLine({ item, language }: { item: MoneyRecord; language: Language }) {
  const on = pick(item, ['donatedOn', 'spentOn', 'on', 'date', 'createdAt']);
  const what = pick(item, ['donorName', 'item', 'supplier', 'campaignName', 'note', 'name']);
  const amount = typeof item.amountVnd === 'number' ? item.amountVnd : null;
  return (
    <>
      <span className="record-title">{what ?? item.id}</span>
      {on ? <span className="muted">{formatDate(on, language)}</span> : null}
      {amount !== null ? <strong>{formatVnd(amount, language)}</strong> : null}
    </>
  );
}
