import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import type { Camera } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useMe } from '../../hooks/session';
import { useViewReason } from '../../hooks/useViewReason';
import { useResource } from '../../hooks/useResource';
import { useServerEvent } from '../../hooks/useServerEvents';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import '../../styles/live.css';
import { liveApi } from './liveApi';
import { LivePlayer } from './LivePlayer';

const alarmMinutes = 30;

/**
 * "Xem trực tiếp" on a camera's page: the main stream, how many people watch it now, and for a
 * camera shared only during alarms, the active alarm, with a button for its owner to raise one.
 */
export function LiveSection({ camera }: { camera: Camera }) {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const [viewers, setViewers] = useState<number | null>(null);
  const [raised, setRaised] = useState<string | null>(null);
  const [raising, setRaising] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Someone else's camera plays only once asked for: opening the page is not yet a view.
  const { reason, requestReason } = useViewReason();
  const [started, setStarted] = useState(false);
  const onAlarm = camera.consentTier === 'live_on_alarm';
  const grants = useResource(
    () => liveApi.grants(camera.id),
    onAlarm ? `live-grants:${camera.id}:${raised ?? ''}` : null,
  );
  // The count when the page opened; `camera.viewers` events keep it current from then on.
  const access = useResource(() => liveApi.access(camera.id, 'main'), `live-access:${camera.id}`);
  const viewerCount = viewers ?? access.data?.viewers ?? null;
  const mayRaise =
    onAlarm &&
    (me.role === 'admin' || (camera.ownerUserId !== null && camera.ownerUserId === me.id));

  useServerEvent('camera.viewers', (event) => {
    if (event.data.cameraId === camera.id && typeof event.data.viewers === 'number') {
      setViewers(event.data.viewers);
    }
  });

  const raise = async () => {
    setRaising(true);
    setError(null);
    try {
      const result = await liveApi.raiseAlarm(camera.id, alarmMinutes, '');
      setRaised(result.grant.to);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setRaising(false);
    }
  };

  const until = grants.data?.items[0]?.to ?? raised;
  const needsStart = access.data?.reasonRequired === true && reason === null && !started;
  const start = async () => {
    if ((await requestReason()) !== null) setStarted(true);
  };
  if (!camera.hasMainStream && !camera.hasSubStream) {
    return <p className="muted">{t('live.section.noStream')}</p>;
  }
  return (
    <div className="live-section" data-testid="live-section">
      {!access.data && !access.error ? null : needsStart ? (
        <div className="live-section-start">
          <p className="muted">{t('live.section.startHint')}</p>
          <button type="button" onClick={() => void start()} data-testid="live-start">
            {t('live.section.start')}
          </button>
        </div>
      ) : (
        <LivePlayer cameraId={camera.id} stream="main" />
      )}
      <p className="live-section-facts">
        <span data-testid="live-viewers">
          {viewerCount === null ? '' : t('live.section.viewers', { count: viewerCount })}
        </span>
        {onAlarm ? (
          <span
            className="live-section-alarm"
            data-testid="live-alarm"
            data-active={until ? 'true' : 'false'}
          >
            {until
              ? t('live.section.alarmUntil', { time: formatDateTime(until, language) })
              : t('live.section.onAlarmOnly')}
          </span>
        ) : null}
      </p>
      {mayRaise ? (
        <button
          type="button"
          className="danger"
          disabled={raising}
          onClick={() => void raise()}
          data-testid="raise-alarm"
        >
          {t('live.section.raiseAlarm', { minutes: alarmMinutes })}
        </button>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
