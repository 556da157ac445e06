import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while the answer for the current key is outstanding (earlier data stays visible). */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  requestKey: string;
  data?: T;
  error?: ApiError;
}

/**
 * Loads data for a key (the request's inputs, serialised) and reloads when the key changes.
 * Answers that arrive after the key moved on are dropped, so a slow response never
 * overwrites a newer one. A null key loads nothing.
 */
export function useResource<T>(load: () => Promise<T>, key: string | null): Resource<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ requestKey: '' });
  const requestKey = key === null ? '' : `${key}#${version}`;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    loadRef.current().then(
      (data) => {
        if (current) setSettled({ requestKey, data });
      },
      (error: unknown) => {
        if (current)
          setSettled((previous) => ({ ...previous, requestKey, error: toApiError(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, requestKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = settled.requestKey === requestKey;
  return {
    data: settled.data,
    error: fresh ? settled.error : undefined,
    loading: key !== null && !fresh,
    reload,
  };
}

/** The value, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
