import { createHmac } from 'node:crypto';
import type { NotificationDeliveryTable } from '../platform/db/schema';
import type { DueDelivery } from './notification.repo';

// What a gateway (SMS, Zalo, e-mail) receives and how a failed delivery is tried again. Pure,
// so the wire format and the retry schedule are unit-tested without a server.

export const signatureHeader = 'X-Matthan-Signature';
export const deliveryHeader = 'X-Matthan-Delivery';

/** Waits after the 1st, 2nd, … failed attempt; after the last wait one more try, then give up. */
export const defaultBackoffMs: readonly number[] = [5_000, 30_000, 120_000, 600_000, 3_600_000];
export const defaultTimeoutMs = 10_000;

export interface WebhookPayload {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    phone: string | null;
    email: string | null;
  };
}

export function webhookPayload(due: Pick<DueDelivery, 'notification' | 'user'>): WebhookPayload {
  const n = due.notification;
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at,
    user: { ...due.user },
  };
}

/** `sha256=<hex>` over the exact bytes sent, so the gateway can check them before trusting. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function webhookHeaders(
  rawBody: string,
  deliveryId: string,
  secret: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    [deliveryHeader]: deliveryId,
  };
  if (secret) headers[signatureHeader] = webhookSignature(secret, rawBody);
  return headers;
}

export type AttemptResult = { ok: true } | { ok: false; error: string };

/**
 * The delivery's row after one attempt: sent; or pending again after the next wait; or failed
 * once every wait has been used (waits + 1 attempts in all).
 */
export function afterAttempt(
  delivery: Pick<NotificationDeliveryTable, 'attempts'>,
  result: AttemptResult,
  nowMs: number,
  backoffMs: readonly number[] = defaultBackoffMs,
): Pick<
  NotificationDeliveryTable,
  'state' | 'attempts' | 'last_error' | 'next_attempt_ms' | 'delivered_at'
> {
  const attempts = delivery.attempts + 1;
  if (result.ok) {
    return {
      state: 'sent',
      attempts,
      last_error: null,
      next_attempt_ms: nowMs,
      delivered_at: new Date(nowMs).toISOString(),
    };
  }
  const wait = backoffMs[attempts - 1];
  return {
    state: wait === undefined ? 'failed' : 'pending',
    attempts,
    last_error: result.error.slice(0, 500),
    next_attempt_ms: nowMs + (wait ?? 0),
    delivered_at: null,
  };
}

/** Why a fetch failed, in words that never carry the URL (it may hold a gateway's token). */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return `connection failed (${cause.code})`;
    return 'connection failed';
  }
  return 'connection failed';
}
