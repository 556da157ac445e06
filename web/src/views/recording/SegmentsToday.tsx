import { useEffect, useState } from 'react';
import { recording } from '../../api/recording';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { useLanguage, useT, vi, type MessageKey, type Translate } from '../../i18n/i18n';
import { formatBytes, formatDuration, formatTimeOfDay } from './recordingFormat';
import { buildTimeline, dayMs, placement, startOfVietnamDay, type TimelineBlock } from './timeline';

/** New segments close every ten seconds; a minute's lag is fine for a day's overview. */
const refreshMs = 60_000;
const listLimit = 50;

/** The recorder's reason for a gap in words, when it is one of the known ones. */
export function gapReasonLabel(reason: string | undefined, t: Translate): string {
  if (!reason) return '—';
  const key = `gapReason.${reason}`;
  return key in vi ? t(key as MessageKey) : reason;
}

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), refreshMs);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** Today (in Hà Nội) as a strip of recorded ranges and gaps, and the same as a list. */
export function SegmentsToday({ cameraId, reloadKey }: { cameraId: string; reloadKey: string }) {
  const t = useT();
  const { language } = useLanguage();
  const now = useMinuteClock();
  const dayStart = startOfVietnamDay(now);
  const from = new Date(dayStart).toISOString();
  const to = new Date(now).toISOString();
  const list = useResource(
    () => recording.segments(cameraId, from, to),
    `segments:${cameraId}:${now}:${reloadKey}`,
  );

  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <p className="muted">{t('common.loading')}</p>;
  const timeline = buildTimeline(list.data.items, list.data.gaps, dayStart, dayStart + dayMs, now);
  const blocks = [...timeline.recorded, ...timeline.gaps].sort((a, b) => b.startMs - a.startMs);
  const nowLeft = `${(((now - dayStart) / dayMs) * 100).toFixed(3)}%`;

  const rangeText = (block: TimelineBlock) =>
    `${formatTimeOfDay(block.startMs, language)} – ${
      block.open ? t('recording.gapOpen') : formatTimeOfDay(block.endMs, language)
    }`;

  return (
    <div className="segments-today" data-testid="segments-today">
      <p>
        {t('recording.todayRecorded', {
          duration: formatDuration(timeline.recordedMs, t),
          segments: list.data.items.length,
          gaps: timeline.gaps.length,
        })}
      </p>
      <div className="day-strip" role="img" aria-label={t('recording.stripLabel')}>
        {blocks.map((block) => (
          <span
            key={`${block.kind}-${block.startMs}`}
            className={`day-strip__block day-strip__block--${block.kind}`}
            style={placement(block, timeline)}
            title={rangeText(block)}
          />
        ))}
        <span className="day-strip__now" style={{ left: nowLeft }} />
      </div>
      <div className="day-strip-scale" aria-hidden="true">
        {['00:00', '06:00', '12:00', '18:00', '24:00'].map((label) => (
          <span key={label}>{label}</span>
        ))}
      </div>
      {blocks.length === 0 ? (
        <p className="muted">{t('recording.noFootageToday')}</p>
      ) : (
        <ul className="range-list" data-testid="range-list">
          {blocks.slice(0, listLimit).map((block) => (
            <li
              key={`${block.kind}-${block.startMs}`}
              className={`range--${block.kind}`}
              data-kind={block.kind}
            >
              <strong>{t(block.kind === 'gap' ? 'recording.gap' : 'recording.recorded')}</strong>
              <span>{rangeText(block)}</span>
              <span className="muted">
                {block.kind === 'gap'
                  ? gapReasonLabel(block.reason, t)
                  : t('recording.rangeDetail', {
                      duration: formatDuration(block.endMs - block.startMs, t),
                      segments: block.segments ?? 0,
                      size: formatBytes(block.bytes, language),
                    })}
              </span>
              {block.missing ? (
                <span className="error-message">
                  {t('recording.missingFiles', { count: block.missing })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
