// Viewing someone else's camera needs a reason, which the server writes into the owner's access
// log. It is asked once per browser session (sessionStorage) and forgotten on logout, so a
// shared police workstation does not carry one officer's reason over to the next.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import '../styles/wall.css';
import {
  ReasonRequests,
  forgetReason,
  normalizeReason,
  readStoredReason,
  reasonMaxLength,
  reasonProblem,
  storeReason,
} from '../views/wall/viewReason';
import { useSession } from './session';

interface ViewReason {
  reason: string | null;
  /** Resolves with the session's reason, asking for one first if there is none; null if cancelled. */
  requestReason: () => Promise<string | null>;
}

const ViewReasonContext = createContext<ViewReason | null>(null);
const clearListeners = new Set<() => void>();

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage disabled: the reason then lives only in memory until the page is reloaded.
    return null;
  }
}

/** Forgets the session's reason; the next view asks again. */
export function clearViewReason(): void {
  forgetReason(sessionStore());
  for (const listener of clearListeners) listener();
}

export function ViewReasonProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const [reason, setReason] = useState<string | null>(() => readStoredReason(sessionStore()));
  const [asking, setAsking] = useState(false);
  const reasonRef = useRef(reason);
  const requests = useMemo(() => new ReasonRequests(setAsking), []);

  const remember = useCallback((next: string | null) => {
    reasonRef.current = next;
    setReason(next);
  }, []);

  useEffect(() => {
    const onClear = () => remember(null);
    clearListeners.add(onClear);
    return () => {
      clearListeners.delete(onClear);
    };
  }, [remember]);

  const signedOut = state.status === 'anonymous';
  useEffect(() => {
    if (!signedOut) return;
    clearViewReason();
    requests.answer(null);
  }, [signedOut, requests]);

  const requestReason = useCallback((): Promise<string | null> => {
    if (reasonRef.current) return Promise.resolve(reasonRef.current);
    return requests.request();
  }, [requests]);

  const answer = useCallback(
    (text: string | null) => {
      const next = text === null ? null : normalizeReason(text);
      if (next !== null) {
        storeReason(sessionStore(), next);
        remember(next);
      }
      requests.answer(next);
    },
    [requests, remember],
  );

  const value = useMemo(() => ({ reason, requestReason }), [reason, requestReason]);
  return (
    <ViewReasonContext.Provider value={value}>
      {children}
      {asking ? <ReasonDialog onAnswer={answer} /> : null}
    </ViewReasonContext.Provider>
  );
}

export function useViewReason(): ViewReason {
  const value = useContext(ViewReasonContext);
  if (!value) throw new Error('useViewReason outside ViewReasonProvider');
  return value;
}

/** A native modal dialog: it traps focus, closes on Escape and is read out as a dialog. */
function ReasonDialog({ onAnswer }: { onAnswer: (reason: string | null) => void }) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = reasonProblem(text);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem === null) onAnswer(text);
  };

  const showProblem = touched && problem !== null;
  return (
    <dialog
      ref={dialogRef}
      className="view-reason-dialog"
      aria-labelledby="view-reason-title"
      aria-describedby="view-reason-explain"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="view-reason-title">{t('wall.reason.title')}</h2>
        <p id="view-reason-explain">{t('wall.reason.explain')}</p>
        <label htmlFor="view-reason-text">{t('wall.reason.label')}</label>
        <textarea
          id="view-reason-text"
          name="reason"
          rows={3}
          maxLength={reasonMaxLength}
          value={text}
          autoFocus
          aria-invalid={showProblem}
          aria-describedby={showProblem ? 'view-reason-problem' : undefined}
          placeholder={t('wall.reason.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        {showProblem ? (
          <p id="view-reason-problem" className="field-error" role="alert">
            {t(problem === 'tooShort' ? 'wall.reason.tooShort' : 'wall.reason.tooLong')}
          </p>
        ) : null}
        <div className="view-reason-actions">
          <button type="button" className="secondary" onClick={() => onAnswer(null)}>
            {t('wall.reason.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('wall.reason.ok')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
