import { useCallback, useEffect, useRef, useState } from 'react';
import type { Camera } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLocation } from '../../hooks/router';
import { useResource } from '../../hooks/useResource';
import { useViewReason } from '../../hooks/useViewReason';
import { useLanguage, useT, type MessageKey } from '../../i18n/i18n';
import '../../styles/playback.css';
import { DownloadDialog } from './DownloadDialog';
import { playbackRates, type PlayerStatus } from './MsePlayer';
import { playbackApi, type TimelineData } from './playbackApi';
import { PlaybackControls } from './PlaybackControls';
import { Timeline } from './Timeline';
import { formatClock } from './timeFormat';
import { dayMs, hourMs, minuteMs, viewAround, zoomView, type View } from './timeMath';
import { usePlayer } from './usePlayer';
import { useTimelineData } from './useTimelineData';

const statusMessages: Partial<Record<PlayerStatus, MessageKey>> = {
  loading: 'playback.loading',
  waiting: 'playback.waiting',
  ended: 'playback.ended',
  noFootage: 'playback.noFootage',
  unsupported: 'playback.unsupported',
};

/** Where to start without `?t=`: the last five minutes of the newest footage of the day. */
function defaultStart(recent: TimelineData): number | null {
  const last = recent.ranges.at(-1);
  if (!last) return null;
  return Math.max(Date.parse(last.start), Date.parse(last.end) - 5 * minuteMs);
}

function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / minuteMs));
  useEffect(() => {
    const timer = window.setInterval(() => setMinute(Math.floor(Date.now() / minuteMs)), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return minute;
}

/** Playback of one camera: the video, its wall clock, speed, a date jump, the timeline, download. */
export function PlaybackView({ camera }: { camera: Camera }) {
  const t = useT();
  const { language } = useLanguage();
  const { query } = useLocation();
  const requested = Date.parse(query.get('t') ?? '');
  const [openedAt] = useState(() => Date.now());
  const recent = useResource(
    () => playbackApi.timeline(camera.id, openedAt - dayMs, openedAt),
    `recent:${camera.id}`,
  );
  const { reason, requestReason } = useViewReason();
  const [reasonRefused, setReasonRefused] = useState(false);
  const decision = recent.data?.playback;
  const needsReason = decision?.allowed === true && decision.reasonRequired;
  // The owner watches without a reason; anyone else once the session has one.
  const access = decision?.allowed
    ? needsReason
      ? { ready: reason !== null, reason }
      : { ready: true, reason: null }
    : { ready: false, reason: null };
  const ask = useCallback(() => {
    setReasonRefused(false);
    void requestReason().then((given) => setReasonRefused(given === null));
  }, [requestReason]);
  useEffect(() => {
    if (!needsReason || reason !== null) return;
    void requestReason().then((given) => setReasonRefused(given === null));
  }, [needsReason, reason, requestReason]);

  const startMs = Number.isNaN(requested)
    ? recent.data
      ? defaultStart(recent.data)
      : null
    : requested;
  const videoRef = useRef<HTMLVideoElement>(null);
  const { snapshot, player } = usePlayer(videoRef, camera.id, access, startMs);
  const [view, setView] = useState<View | null>(null);
  const [downloading, setDownloading] = useState(false);
  const shownView = view ?? viewAround(startMs ?? openedAt, hourMs);
  const timeline = useTimelineData(camera.id, shownView, String(useMinute()));

  // The view follows the playing moment when playback carries it past the edge.
  const previousWall = useRef<number | null>(null);
  useEffect(() => {
    const wall = snapshot.wallMs;
    const before = previousWall.current;
    previousWall.current = wall;
    if (wall === null || before === null) return;
    const span = shownView.endMs - shownView.startMs;
    const wasInside = before >= shownView.startMs && before <= shownView.endMs;
    if (wasInside && (wall > shownView.endMs || wall < shownView.startMs)) {
      setView({ startMs: wall - span * 0.1, endMs: wall + span * 0.9 });
    }
  }, [snapshot.wallMs, shownView]);

  const seek = (ms: number) => {
    previousWall.current = null;
    void player?.seek(ms);
  };

  if (recent.error) return <ErrorMessage error={recent.error} />;
  if (!decision) return <p className="muted">{t('common.loading')}</p>;
  if (!decision.allowed) {
    return (
      <p className="playback-denied" role="alert">
        <strong>{t('playback.denied')}</strong> {decision.message}
      </p>
    );
  }

  const message = statusMessages[snapshot.status];
  return (
    <div className="playback">
      <div className="playback-stage">
        <video
          ref={videoRef}
          className="playback-video"
          data-testid="playback-video"
          data-status={snapshot.status}
          data-wall-ms={snapshot.wallMs ?? ''}
          playsInline
          muted
        />
        {reasonRefused && !access.ready ? (
          <div className="playback-overlay">
            <p>{t('playback.needsReason')}</p>
            <button type="button" className="primary" onClick={ask}>
              {t('playback.giveReason')}
            </button>
          </div>
        ) : startMs === null && snapshot.status === 'idle' ? (
          <div className="playback-overlay">
            <p>{t('playback.noFootageRecent')}</p>
          </div>
        ) : message ? (
          <div className="playback-overlay" data-testid="playback-message">
            <p>{t(message)}</p>
          </div>
        ) : null}
      </div>
      <p className="playback-clock" data-testid="playback-clock" aria-live="off">
        <span className="muted">{t('playback.clock')}: </span>
        <strong>
          {snapshot.wallMs === null
            ? t('playback.clockNone')
            : formatClock(snapshot.wallMs, language)}
        </strong>
      </p>
      <ErrorMessage error={snapshot.error} />
      <PlaybackControls
        status={snapshot.status}
        rate={snapshot.rate}
        rates={playbackRates}
        disabled={!player}
        jumpDefaultMs={snapshot.wallMs ?? startMs ?? openedAt}
        onToggle={() => player?.toggle()}
        onMute={(muted) => player?.setMuted(muted)}
        onRate={(rate) => player?.setRate(rate)}
        onJump={(ms) => {
          setView(viewAround(ms, shownView.endMs - shownView.startMs));
          seek(ms);
        }}
        onDownload={() => setDownloading(true)}
      />
      <section className="playback-timeline-card" aria-label={t('playback.timeline')}>
        <div className="playback-zoom">
          <button
            type="button"
            onClick={() =>
              setView(
                zoomView(
                  shownView,
                  2,
                  snapshot.wallMs ?? (shownView.startMs + shownView.endMs) / 2,
                ),
              )
            }
            aria-label={t('playback.zoomOut')}
          >
            −
          </button>
          <button
            type="button"
            onClick={() =>
              setView(
                zoomView(
                  shownView,
                  0.5,
                  snapshot.wallMs ?? (shownView.startMs + shownView.endMs) / 2,
                ),
              )
            }
            aria-label={t('playback.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => {
              const span = shownView.endMs - shownView.startMs;
              setView({ startMs: shownView.startMs - span / 2, endMs: shownView.endMs - span / 2 });
            }}
          >
            ‹ {t('playback.earlier')}
          </button>
          <button
            type="button"
            onClick={() => {
              const span = shownView.endMs - shownView.startMs;
              setView({ startMs: shownView.startMs + span / 2, endMs: shownView.endMs + span / 2 });
            }}
          >
            {t('playback.later')} ›
          </button>
        </div>
        <Timeline
          view={shownView}
          data={timeline.data}
          cursorMs={snapshot.wallMs}
          onSeek={seek}
          onViewChange={setView}
        />
      </section>
      {downloading ? (
        <DownloadDialog
          cameraId={camera.id}
          aroundMs={snapshot.wallMs ?? startMs ?? openedAt}
          reasonRequired={decision.reasonRequired}
          reason={access.reason}
          onClose={() => setDownloading(false)}
        />
      ) : null}
    </div>
  );
}
