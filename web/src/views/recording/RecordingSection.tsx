import { useState } from 'react';
import { recording, type RecordingStatus } from '../../api/recording';
import type { Camera } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useMe } from '../../hooks/session';
import { applyHealth } from '../../hooks/healthUpdates';
import { useLiveHealth } from '../../hooks/useLiveHealth';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { HealthBadge } from './HealthBadge';
import { HoldList } from './HoldList';
import { LiveIndicator } from './LiveIndicator';
import { RecordingToggle } from './RecordingToggle';
import { formatDecimal } from './recordingFormat';
import { holdRoles } from './recordingRoles';
import { SegmentsToday } from './SegmentsToday';

/** "Ghi hình" on a camera's page: the recorder's health, today's footage, holds, on/off. */
export function RecordingSection({ camera, onChanged }: { camera: Camera; onChanged: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const live = useLiveHealth();
  const loaded = useResource(
    () => recording.get(camera.id),
    `recording:${camera.id}:${live.opens}`,
  );
  // The answer to a switch, until a reconnection reloads the status anyway.
  const [saved, setSaved] = useState<{ status: RecordingStatus; opens: number } | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const base =
    saved?.status.cameraId === camera.id && saved.opens === live.opens ? saved.status : loaded.data;

  if (loaded.error && !base) return <ErrorMessage error={loaded.error} />;
  if (!base) return <p className="muted">{t('common.loading')}</p>;
  const status = applyHealth(base, live.updates[camera.id]);
  // The API says who may switch recording (officials in scope, admin, the owner); a refusal
  // after the page loaded (rights changed meanwhile) hides the switch too.
  const mayControl = !forbidden && status.canControl;

  return (
    <div className="recording-section" data-testid="recording-section">
      <div className="recording-head">
        <HealthBadge state={status.state} />
        <LiveIndicator />
      </div>
      <dl className="recording-facts">
        <dt>{t('recording.recording')}</dt>
        <dd data-testid="recording-on">{t(status.recording ? 'recording.on' : 'recording.off')}</dd>
        <dt>{t('recording.since')}</dt>
        <dd>{formatDateTime(status.since, language)}</dd>
        <dt>{t('recording.lastError')}</dt>
        <dd className={status.lastError ? 'error-detail' : undefined}>{status.lastError || '—'}</dd>
        <dt>{t('recording.uptime24h')}</dt>
        <dd>
          {status.uptimePct24h === null ? '—' : `${formatDecimal(status.uptimePct24h, language)} %`}
        </dd>
        <dt>{t('recording.bitrate')}</dt>
        <dd>
          {status.bitrateKbps === null
            ? '—'
            : t('recording.kbps', { value: formatDecimal(status.bitrateKbps, language, 0) })}
        </dd>
        <dt>{t('recording.fps')}</dt>
        <dd>{formatDecimal(status.fps, language)}</dd>
      </dl>
      {mayControl ? (
        <RecordingToggle
          status={status}
          onChanged={(next) => {
            setSaved({ status: next, opens: live.opens });
            onChanged();
          }}
          onForbidden={() => setForbidden(true)}
        />
      ) : null}
      {forbidden ? <p className="muted">{t('recording.notAllowed')}</p> : null}
      <h3>{t('recording.today')}</h3>
      <SegmentsToday cameraId={camera.id} reloadKey={`${live.opens}:${status.recording}`} />
      {holdRoles.includes(me.role) ? (
        <>
          <h3>{t('holds.title')}</h3>
          <HoldList cameraId={camera.id} />
        </>
      ) : null}
    </div>
  );
}
