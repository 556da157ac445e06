// The rules behind "why are you viewing this camera?": what counts as a reason, where it is kept
// for the browser session, and how simultaneous requests share one answer. Kept free of React so
// it can be tested on its own.

export const reasonStorageKey = 'matthan.viewReason';
export const reasonMinLength = 3;
export const reasonMaxLength = 500;

/** The server trims and NFC-normalises too; doing it here keeps the length check honest. */
export function normalizeReason(text: string): string {
  return text.normalize('NFC').trim();
}

export type ReasonProblem = 'tooShort' | 'tooLong';

export function reasonProblem(text: string): ReasonProblem | null {
  const reason = normalizeReason(text);
  if (reason.length < reasonMinLength) return 'tooShort';
  if (reason.length > reasonMaxLength) return 'tooLong';
  return null;
}

type ReasonStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A stored value that no longer passes the rules (edited by hand, older build) is ignored. */
export function readStoredReason(storage: ReasonStorage | null): string | null {
  const value = storage?.getItem(reasonStorageKey) ?? null;
  if (value === null || reasonProblem(value) !== null) return null;
  return normalizeReason(value);
}

export function storeReason(storage: ReasonStorage | null, reason: string): void {
  storage?.setItem(reasonStorageKey, normalizeReason(reason));
}

export function forgetReason(storage: ReasonStorage | null): void {
  storage?.removeItem(reasonStorageKey);
}

/**
 * Several tiles of a wall ask at once; they must all wait on the same dialog and all get its
 * answer. `onOpenChange(true)` fires only for the first caller, `onOpenChange(false)` once answered.
 */
export class ReasonRequests {
  private pending: Promise<string | null> | null = null;
  private settle: ((reason: string | null) => void) | null = null;

  constructor(private readonly onOpenChange: (open: boolean) => void) {}

  get open(): boolean {
    return this.pending !== null;
  }

  request(): Promise<string | null> {
    if (this.pending) return this.pending;
    this.pending = new Promise<string | null>((resolve) => {
      this.settle = resolve;
    });
    this.onOpenChange(true);
    return this.pending;
  }

  /** Answers every waiting caller; a later request opens the dialog again. */
  answer(reason: string | null): void {
    if (!this.pending) return;
    const settle = this.settle;
    this.pending = null;
    this.settle = null;
    this.onOpenChange(false);
    settle?.(reason);
  }
}
