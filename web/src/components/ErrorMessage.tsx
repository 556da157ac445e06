import type { ApiError } from '../api/client';
import { useT, type MessageKey } from '../i18n/i18n';

/** A sentence in the reader's language for the common error codes; the API's own words follow. */
const leads: Partial<Record<string, MessageKey>> = {
  network: 'error.network',
  unauthorized: 'error.unauthorized',
  invalid_credentials: 'error.invalidCredentials',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  too_many_requests: 'error.tooManyRequests',
  conflict: 'error.conflict',
  validation: 'error.validation',
  bad_request: 'error.validation',
  too_large: 'error.tooLarge',
  internal: 'error.internal',
};

export function ErrorMessage({ error }: { error: ApiError | undefined | null }) {
  const t = useT();
  if (!error) return null;
  const lead = leads[error.code];
  return (
    <p className="error-message" role="alert" data-error-code={error.code}>
      {lead ? <strong>{t(lead)} </strong> : null}
      {error.code === 'network' ? null : <span className="error-detail">{error.message}</span>}
    </p>
  );
}
