import { useState } from 'react';
import { incidents, type Incident } from '../api/incidents';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { EvidenceTable } from '../views/incidents/EvidenceTable';
import { FinderPanel } from '../views/incidents/FinderPanel';
import { HoldsPanel } from '../views/incidents/HoldsPanel';
import { PackagesPanel } from '../views/incidents/PackagesPanel';
import { RequestsTable } from '../views/incidents/RequestsTable';
import { StatusActions } from '../views/incidents/StatusActions';
import '../styles/incidents.css';

/** Sections reload independently when an action elsewhere on the page changes them. */
interface Versions {
  holds: number;
  requests: number;
  evidence: number;
  packages: number;
}

/** One case: its facts, the cameras that may have seen it, and everything collected for it. */
export function IncidentPage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const { language } = useLanguage();
  const loaded = useResource(() => incidents.get(id), `incident:${id}`);
  const [updated, setUpdated] = useState<Incident | null>(null);
  const [versions, setVersions] = useState<Versions>({
    holds: 0,
    requests: 0,
    evidence: 0,
    packages: 0,
  });
  const bump = (...keys: (keyof Versions)[]) =>
    setVersions((v) => {
      const next = { ...v };
      for (const key of keys) next[key]++;
      return next;
    });
  const incident = updated?.id === id ? updated : loaded.data;

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!incident) return <p className="muted">{t('common.loading')}</p>;
  const outcome = incident.outcome;

  return (
    <div className="page incident-page" data-testid="incident-page" data-incident-id={incident.id}>
      <div className="page-header">
        <div>
          <h1>
            <span data-testid="incident-case-number">{incident.caseNumber}</span> ·{' '}
            {t(`incidents.typeName.${incident.type}`)}
          </h1>
          <p className="muted">
            <span
              className={`chip chip--incident-${incident.status}`}
              data-testid="incident-status"
            >
              {t(`incidents.status.${incident.status}`)}
            </span>{' '}
            {incident.address ? `${incident.address} · ` : ''}
            {incident.unitName}
          </p>
          <p>
            {t('incidents.window')}: {formatDateTime(incident.from, language)} –{' '}
            {formatDateTime(incident.to, language)}
          </p>
        </div>
        <a className="button" href="/incidents">
          {t('incidents.backToList')}
        </a>
      </div>
      <div className="detail-grid">
        <section className="card">
          <p>{incident.description}</p>
          <dl className="facts">
            <dt>{t('incidents.openedAt')}</dt>
            <dd>{formatDateTime(incident.openedAt, language)}</dd>
            {incident.reporterName || incident.reporterPhone ? (
              <>
                <dt>{t('incidents.reporter')}</dt>
                <dd>
                  {[incident.reporterName, incident.reporterPhone].filter(Boolean).join(' · ')}
                </dd>
              </>
            ) : null}
            {incident.resolvedAt ? (
              <>
                <dt>{t('incidents.resolvedAt')}</dt>
                <dd>{formatDateTime(incident.resolvedAt, language)}</dd>
              </>
            ) : null}
            {outcome.footageHelped !== null ? (
              <>
                <dt>{t('incidents.outcome.helped')}</dt>
                <dd data-testid="incident-outcome">
                  {t(outcome.footageHelped ? 'common.yes' : 'common.no')}
                  {outcome.helpedBy.length > 0
                    ? ` · ${outcome.helpedBy.map((h) => t(`incidents.helpedBy.${h}`)).join(', ')}`
                    : ''}
                  {outcome.note ? ` · ${outcome.note}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t('incidents.statusLabel')}</h2>
          <StatusActions incident={incident} onSaved={setUpdated} />
        </section>
        <FinderPanel
          incident={incident}
          onHeld={() => bump('holds')}
          onRequested={() => bump('requests')}
          onExtracted={() => bump('evidence')}
        />
        <HoldsPanel incidentId={incident.id} version={versions.holds} />
        <RequestsTable incidentId={incident.id} version={versions.requests} />
        <EvidenceTable incidentId={incident.id} version={versions.evidence} />
        <PackagesPanel incidentId={incident.id} version={versions.packages} />
      </div>
    </div>
  );
}
