import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/client';
import type { EvidenceItem } from '../../api/evidence';
import { uploadFootage, type FootageRequest } from '../../api/requests';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/i18n';
import { formatBytes } from '../incidents/incidentRules';

/** What a recorder exports: the containers the server's probe accepts. */
export const acceptedFiles = 'video/*,.mp4,.avi,.mkv,.ts';

interface UploadFormProps {
  request: FootageRequest;
  onUploaded: (request: FootageRequest, item: EvidenceItem) => void;
}

/** Sends one file from the owner's phone or recorder, with progress and the server's verdict. */
export function UploadForm({ request, onUploaded }: UploadFormProps) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  useEffect(() => () => abortRef.current?.(), []);

  const send = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    const upload = uploadFootage(request.id, file, setProgress);
    abortRef.current = upload.abort;
    try {
      const result = await upload.done;
      setFile(null);
      onUploaded(result.request, result.item);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="upload-form" data-testid="upload-form">
      <label htmlFor={`upload-${request.id}`}>{t('myRequests.chooseFile')}</label>
      <input
        id={`upload-${request.id}`}
        type="file"
        accept={acceptedFiles}
        data-testid="upload-file"
        disabled={progress !== null}
        onChange={(event) => {
          setError(null);
          setFile(event.target.files?.[0] ?? null);
        }}
      />
      {file ? (
        <p className="muted">
          {file.name} · {formatBytes(file.size)}
        </p>
      ) : null}
      {progress !== null ? (
        <progress data-testid="upload-progress" max={1} value={progress}>
          {Math.round(progress * 100)}%
        </progress>
      ) : null}
      <ErrorMessage error={error} />
      <div className="button-row">
        <button
          type="button"
          className="primary"
          data-testid="upload-submit"
          disabled={!file || progress !== null}
          onClick={() => void send()}
        >
          {progress !== null
            ? t('myRequests.uploading', { percent: Math.round(progress * 100) })
            : t('myRequests.upload')}
        </button>
        {progress !== null ? (
          <button type="button" className="secondary" onClick={() => abortRef.current?.()}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
