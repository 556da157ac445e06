import { useState } from 'react';
import type { ReactNode } from 'react';
import { cameras } from '../api/endpoints';
import type { Camera } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { AccessLog } from '../views/AccessLog';
import { CameraMiniMap } from '../views/CameraMiniMap';
import { ConsentEditor } from '../views/ConsentEditor';
import { DecommissionForm } from '../views/DecommissionForm';
import { OwnerContact } from '../views/OwnerContact';
import { RecordingSection } from '../views/recording/RecordingSection';
import { TimelineSection } from '../views/playback/TimelineSection';
import { LiveSection } from '../views/live/LiveSection';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function CameraDetailPage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const me = useMe();
  const { language } = useLanguage();
  const loaded = useResource(() => cameras.get(id), `camera:${id}`);
  const [updated, setUpdated] = useState<Camera | null>(null);
  const camera = updated?.id === id ? updated : loaded.data;

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!camera) return <p className="muted">{t('common.loading')}</p>;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  // The server answers the access log to the camera's owner and to admins.
  const showAccessLog =
    me.role === 'admin' || (camera.ownerUserId !== null && camera.ownerUserId === me.id);

  return (
    <div className="page camera-detail">
      <div className="page-header">
        <div>
          <h1 data-testid="camera-name">{camera.name}</h1>
          <p className="muted">
            <code>{camera.code}</code> ·{' '}
            <span className={`status-badge status-badge--${camera.status}`}>
              {t(`status.${camera.status}`)}
            </span>
          </p>
        </div>
        {camera.canEdit ? (
          <a className="button" href={`/cameras/${encodeURIComponent(camera.id)}/edit`}>
            {t('common.edit')}
          </a>
        ) : null}
      </div>
      <div className="detail-grid">
        <section className="card">
          <dl className="facts">
            <Item label={t('camera.jurisdiction')}>{camera.jurisdictionName}</Item>
            <Item label={t('camera.address')}>{camera.address || '—'}</Item>
            <Item label={t('camera.position')}>
              {camera.latitude.toFixed(6)}, {camera.longitude.toFixed(6)}
            </Item>
            <Item label={t('camera.view')}>
              {t('camera.viewSummary', {
                heading: camera.heading,
                fov: camera.fov,
                range: camera.rangeM,
              })}
            </Item>
            <Item label={t('camera.ownerKind')}>{t(`ownerKind.${camera.ownerKind}`)}</Item>
            <Item label={t('camera.consentTier')}>
              {t(`consent.${camera.consentTierGranted}`)}
              {camera.consentExpiresAt
                ? ` · ${t('camera.until', { time: formatDateTime(camera.consentExpiresAt, language) })}`
                : ''}
            </Item>
            <Item label={t('camera.effectiveConsent')}>
              <strong data-testid="effective-consent">{t(`consent.${camera.consentTier}`)}</strong>
            </Item>
            <Item label={t('camera.recordingEnabled')}>{yesNo(camera.recordingEnabled)}</Item>
            <Item label={t('camera.retentionDays')}>{camera.retentionDays}</Item>
            <Item label={t('camera.signagePosted')}>{yesNo(camera.signagePosted)}</Item>
            <Item label={t('camera.installedOn')}>{formatDate(camera.installedOn, language)}</Item>
            <Item label={t('camera.fundingSource')}>{camera.fundingSource || '—'}</Item>
            <Item label={t('camera.costVnd')}>{formatNumber(camera.costVnd, language)}</Item>
            <Item label={t('camera.makeModel')}>{camera.makeModel || '—'}</Item>
            <Item label={t('camera.mainStream')}>
              {camera.hasMainStream ? camera.mainStreamDisplay : '—'}
            </Item>
            <Item label={t('camera.subStream')}>
              {camera.hasSubStream ? camera.subStreamDisplay : '—'}
            </Item>
            <Item label={t('camera.notes')}>{camera.notes || '—'}</Item>
            <Item label={t('camera.createdAt')}>{formatDateTime(camera.createdAt, language)}</Item>
            <Item label={t('camera.updatedAt')}>{formatDateTime(camera.updatedAt, language)}</Item>
            {camera.decommissionedAt ? (
              <Item label={t('camera.decommissionedAt')}>
                {formatDateTime(camera.decommissionedAt, language)}
              </Item>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <CameraMiniMap camera={camera} />
        </section>
        <section className="card card--wide">
          <h2>{t('live.title')}</h2>
          <LiveSection key={camera.id} camera={camera} />
        </section>
        <section className="card card--wide">
          <h2>{t('recording.title')}</h2>
          <RecordingSection key={camera.id} camera={camera} onChanged={loaded.reload} />
        </section>
        <TimelineSection key={camera.id} camera={camera} />
        <section className="card">
          <h2>{t('contact.title')}</h2>
          <OwnerContact key={camera.id} camera={camera} />
        </section>
        {camera.canChangeConsent ? (
          <section className="card">
            <h2>{t('consent.title')}</h2>
            <ConsentEditor key={camera.id} camera={camera} onSaved={setUpdated} />
          </section>
        ) : null}
        {camera.canEdit && camera.status !== 'decommissioned' ? (
          <section className="card">
            <h2>{t('decommission.title')}</h2>
            <DecommissionForm camera={camera} onDone={setUpdated} />
          </section>
        ) : null}
        {showAccessLog ? (
          <section className="card card--wide">
            <h2>{t('accessLog.title')}</h2>
            <AccessLog key={camera.updatedAt} cameraId={camera.id} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
