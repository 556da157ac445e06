import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { PlayerStatus } from './MsePlayer';
import { fromVietnamInput, toVietnamInput } from './timeFormat';

interface PlaybackControlsProps {
  status: PlayerStatus;
  rate: number;
  rates: readonly number[];
  disabled: boolean;
  /** What the date-time picker shows until the viewer types another moment. */
  jumpDefaultMs: number;
  onToggle: () => void;
  onMute: (muted: boolean) => void;
  onRate: (rate: number) => void;
  onJump: (ms: number) => void;
  onDownload: () => void;
}

/** Play/pause, sound, speed 0.5×–16×, a date-time jump in Vietnam time, and download. */
export function PlaybackControls(props: PlaybackControlsProps) {
  const t = useT();
  const [jump, setJump] = useState<string | null>(null);
  const [muted, setMuted] = useState(true);
  const jumpValue = jump ?? toVietnamInput(props.jumpDefaultMs);
  const jumpMs = fromVietnamInput(jumpValue);
  const playing = props.status === 'playing' || props.status === 'waiting';

  return (
    <div className="playback-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={props.disabled}
          onClick={props.onToggle}
          data-testid="playback-toggle"
        >
          {playing ? t('playback.pause') : t('playback.play')}
        </button>
        <button
          type="button"
          disabled={props.disabled}
          aria-pressed={!muted}
          onClick={() => {
            props.onMute(!muted);
            setMuted(!muted);
          }}
        >
          {muted ? t('playback.unmute') : t('playback.mute')}
        </button>
        <span className="playback-rates" role="group" aria-label={t('playback.speed')}>
          {props.rates.map((rate) => (
            <button
              key={rate}
              type="button"
              className={rate === props.rate ? 'primary' : undefined}
              aria-pressed={rate === props.rate}
              disabled={props.disabled}
              data-testid={`playback-rate-${rate}`}
              onClick={() => props.onRate(rate)}
            >
              {rate}×
            </button>
          ))}
        </span>
      </div>
      <form
        className="playback-jump"
        onSubmit={(event) => {
          event.preventDefault();
          if (jumpMs !== null) {
            setJump(null);
            props.onJump(jumpMs);
          }
        }}
      >
        <label>
          {t('playback.jumpLabel')}
          <input
            type="datetime-local"
            step={1}
            value={jumpValue}
            data-testid="playback-jump-input"
            // Hold the moment still while the viewer edits it; it follows playback otherwise.
            onFocus={() => setJump(jumpValue)}
            onChange={(event) => setJump(event.target.value)}
          />
        </label>
        <button type="submit" disabled={props.disabled || jumpMs === null}>
          {t('playback.jump')}
        </button>
        <button type="button" onClick={props.onDownload} data-testid="playback-download">
          {t('playback.download')}
        </button>
      </form>
    </div>
  );
}
