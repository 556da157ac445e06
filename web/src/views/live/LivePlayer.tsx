import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useViewReason } from '../../hooks/useViewReason';
import { useT, type MessageKey } from '../../i18n/i18n';
import '../../styles/live.css';
import { liveApi } from './liveApi';
import { LiveConnection } from './liveConnection';
import { liveCloseCodes, liveSocketUrl, retryDelay, type LiveStream } from './liveProtocol';
import { canPlayLive, MseSink } from './mseSink';

/** What the player is doing; tiles and tests read it from `data-state`. */
export type LivePlayerState =
  'connecting' | 'playing' | 'offline' | 'denied' | 'needs_reason' | 'unsupported';

export interface LivePlayerProps {
  cameraId: string;
  stream: LiveStream;
  onState?: (state: LivePlayerState) => void;
}

interface View {
  state: LivePlayerState;
  /** The server's words for a refusal. */
  message: string | null;
}

const stateText: Record<Exclude<LivePlayerState, 'playing'>, MessageKey> = {
  connecting: 'live.player.connecting',
  offline: 'live.player.offline',
  denied: 'live.player.denied',
  needs_reason: 'live.player.needsReason',
  unsupported: 'live.player.unsupported',
};

/**
 * A camera's live video: asks the server whether (and with what reason) the user may watch,
 * then plays the WebSocket's fMP4 through Media Source Extensions near the live edge. It says
 * what is happening over the picture, and reconnects with backoff when the stream drops.
 */
export function LivePlayer({ cameraId, stream, onState }: LivePlayerProps) {
  const t = useT();
  const { requestReason } = useViewReason();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [view, setView] = useState<View>({ state: 'connecting', message: null });
  const [attemptKey, setAttemptKey] = useState(0);
  const latest = useRef({ onState, requestReason });
  useEffect(() => {
    latest.current = { onState, requestReason };
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    video.muted = true;
    let disposed = false;
    let attempt = 0;
    let timer: number | undefined;
    let connection: LiveConnection | null = null;
    let sink: MseSink | null = null;
    let current: LivePlayerState | null = null;

    const report = (state: LivePlayerState, message: string | null = null) => {
      if (disposed) return;
      setView({ state, message });
      if (state !== current) latest.current.onState?.(state);
      current = state;
    };
    const stopStreaming = () => {
      connection?.stop();
      connection = null;
      sink?.destroy();
      sink = null;
    };
    const retry = () => {
      if (disposed) return;
      stopStreaming();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void run(), retryDelay(attempt++));
    };

    const run = async (): Promise<void> => {
      if (current !== 'offline') report('connecting');
      let access;
      try {
        access = await liveApi.access(cameraId, stream);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
          report('denied', error.message);
        } else retry();
        return;
      }
      if (disposed) return;
      if (!access.allowed) {
        report('denied', access.message);
        return;
      }
      let reason: string | null = null;
      if (access.reasonRequired) {
        reason = await latest.current.requestReason();
        if (disposed) return;
        if (!reason) {
          report('needs_reason');
          return;
        }
      }
      const mse = new MseSink(video, (problem) => {
        // A refused codec will be refused again; anything else is worth a fresh start.
        if (problem === 'failed' && current !== 'playing') report('unsupported');
        else retry();
      });
      sink = mse;
      connection = new LiveConnection(liveSocketUrl(window.location, cameraId, stream, reason), {
        onInit: (message, segment) => {
          if (!canPlayLive(message.mime)) {
            report('unsupported');
            stopStreaming();
            return;
          }
          attempt = 0;
          mse.init(message.mime, segment);
        },
        onFragment: (fragment) => mse.append(fragment),
        onStatus: (state) => {
          if (state === 'offline') report('offline');
        },
        onSkipped: () => undefined,
        onClosed: (code) => {
          if (disposed) return;
          // Consent ended while watching: ask again at once, so the refusal is explained.
          if (code === liveCloseCodes.accessEnded) {
            stopStreaming();
            void run();
            return;
          }
          report(current === 'offline' ? 'offline' : 'connecting');
          retry();
        },
      });
      connection.start();
    };

    const onPlaying = () => report('playing');
    video.addEventListener('playing', onPlaying);
    void run();
    return () => {
      disposed = true;
      window.clearTimeout(timer);
      video.removeEventListener('playing', onPlaying);
      stopStreaming();
    };
  }, [cameraId, stream, attemptKey]);

  const { state, message } = view;
  return (
    <div className="live-player" data-testid="live-player" data-state={state}>
      <video
        ref={videoRef}
        className="live-player-video"
        data-testid="live-video"
        muted
        autoPlay
        playsInline
      />
      {state === 'playing' ? null : (
        <div className="live-player-status" role="status">
          <p>
            {t(stateText[state])}
            {state === 'denied' && message ? ` (${message})` : ''}
          </p>
          {state === 'needs_reason' ? (
            <button type="button" onClick={() => setAttemptKey((key) => key + 1)}>
              {t('live.player.giveReason')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
