import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../platform/context';
import { claimDelivery, dueDeliveries, recordAttempt, type DueDelivery } from './notification.repo';
import { onDeliveryQueued } from './notify';
import {
  afterAttempt,
  defaultBackoffMs,
  defaultTimeoutMs,
  describeFetchError,
  webhookHeaders,
  webhookPayload,
  type AttemptResult,
} from './webhook';

// Posts queued notifications to the configured gateway: every `pollMs`, and at once when
// `notify` queues one. Each attempt is claimed in the database first, so several server
// processes on one PostgreSQL database never post the same delivery twice at once.

export interface SenderOptions {
  pollMs?: number;
  backoffMs?: readonly number[];
  timeoutMs?: number;
  /** Deliveries taken per pass. */
  batch?: number;
}

export interface NotificationSender {
  stop(): Promise<void>;
}

async function post(ctx: AppContext, due: DueDelivery, timeoutMs: number): Promise<AttemptResult> {
  const url = ctx.config.notifyWebhookUrl;
  if (url === undefined) return { ok: false, error: 'no webhook is configured' };
  const body = JSON.stringify(webhookPayload(due));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: webhookHeaders(body, due.delivery.id, ctx.config.notifyWebhookSecret),
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    // The gateway's answer is not ours to keep; reading it frees the connection.
    await response.arrayBuffer();
    return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: describeFetchError(error) };
  }
}

export function startNotificationSender(
  ctx: AppContext,
  logger: FastifyBaseLogger,
  options: SenderOptions = {},
): NotificationSender {
  const pollMs = options.pollMs ?? 2_000;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const batch = options.batch ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function attempt(due: DueDelivery): Promise<void> {
    const leaseUntil = ctx.now().getTime() + timeoutMs + 5_000;
    if (!(await claimDelivery(ctx.db, due.delivery, leaseUntil))) return;
    const result = await post(ctx, due, timeoutMs);
    const next = afterAttempt(due.delivery, result, ctx.now().getTime(), backoffMs);
    await recordAttempt(ctx.db, due.delivery.id, next);
    if (!result.ok) {
      const log = { delivery: due.delivery.id, attempts: next.attempts, error: result.error };
      if (next.state === 'failed') logger.warn(log, 'notification webhook gave up');
      else logger.info(log, 'notification webhook failed; will retry');
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      const due = await dueDeliveries(ctx.db, ctx.now().getTime(), batch);
      for (const item of due) {
        if (stopped) return;
        await attempt(item);
      }
      if (due.length === batch) again = true;
    } while (again && !stopped);
  }

  function schedule(delay: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref();
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => {
        logger.error({ err: (error as Error).message }, 'notification sender pass failed');
      })
      .finally(() => {
        running = null;
        schedule(pollMs);
      });
  }

  const unsubscribe = onDeliveryQueued(ctx.db, run);
  schedule(0);

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
