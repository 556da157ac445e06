import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { downloadUrl } from './playbackApi';
import { fromVietnamInput, toVietnamInput } from './timeFormat';
import { dayMs } from './timeMath';

interface DownloadDialogProps {
  cameraId: string;
  /** The moment to centre the default range on. */
  aroundMs: number;
  reasonRequired: boolean;
  reason: string | null;
  onClose: () => void;
}

/**
 * Chooses a range in Vietnam time and a reason, then offers the MP4 as a plain link: the
 * browser downloads it itself (with Range requests to resume), nothing is held in the page.
 */
export function DownloadDialog({
  cameraId,
  aroundMs,
  reasonRequired,
  reason,
  onClose,
}: DownloadDialogProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [from, setFrom] = useState(() => toVietnamInput(aroundMs - 30_000));
  const [to, setTo] = useState(() => toVietnamInput(aroundMs + 30_000));
  const [text, setText] = useState(reason ?? '');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const fromMs = fromVietnamInput(from);
  const toMs = fromVietnamInput(to);
  const trimmed = text.trim();
  let problem: string | null = null;
  if (fromMs === null || toMs === null || toMs <= fromMs) problem = t('playback.download.badRange');
  else if (toMs - fromMs > dayMs) problem = t('playback.download.tooLong');
  else if (reasonRequired && trimmed.length < 3) problem = t('playback.download.reasonShort');
  const href =
    problem === null && fromMs !== null && toMs !== null
      ? downloadUrl(cameraId, fromMs, toMs, reasonRequired ? trimmed : null)
      : null;

  return (
    <dialog
      ref={dialogRef}
      className="playback-download"
      aria-labelledby="playback-download-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="playback-download-title">{t('playback.download.title')}</h2>
      <p className="muted">{t('playback.download.explain')}</p>
      <div className="playback-download-fields">
        <label>
          {t('playback.download.from')}
          <input
            type="datetime-local"
            step={1}
            value={from}
            data-testid="download-from"
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label>
          {t('playback.download.to')}
          <input
            type="datetime-local"
            step={1}
            value={to}
            data-testid="download-to"
            onChange={(event) => setTo(event.target.value)}
          />
        </label>
      </div>
      {reasonRequired ? (
        <label className="playback-download-reason">
          {t('playback.download.reason')}
          <textarea
            rows={2}
            maxLength={500}
            value={text}
            data-testid="download-reason"
            onChange={(event) => setText(event.target.value)}
          />
          <span className="muted">{t('playback.download.reasonHint')}</span>
        </label>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        {href ? (
          <a className="button primary" href={href} download data-testid="download-link">
            {t('playback.download.link')}
          </a>
        ) : (
          <button type="button" className="primary" disabled>
            {t('playback.download.link')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {t('playback.download.close')}
        </button>
      </div>
    </dialog>
  );
}
