import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context';
import type { Db } from '../platform/db/database';
import { normalizeText } from '../platform/text';
import { insertNotification } from './notification.repo';

// Telling a user something: an in-app notification, and, when a gateway is configured, a
// webhook delivery the sender posts (and retries) outside the request that caused it.

export interface NotifyInput {
  userId: string;
  kind: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. `/my-requests`. */
  link: string | null;
  targetType: string | null;
  targetId: string | null;
}

/** Senders waiting for work, per database: `notify` wakes them so a delivery goes out at once. */
const wakers = new WeakMap<Db, Set<() => void>>();

export function onDeliveryQueued(db: Db, wake: () => void): () => void {
  const set = wakers.get(db) ?? new Set<() => void>();
  wakers.set(db, set);
  set.add(wake);
  return () => set.delete(wake);
}

export async function notify(ctx: AppContext, input: NotifyInput): Promise<void> {
  const id = randomUUID();
  const now = ctx.now();
  const webhook = ctx.config.notifyWebhookUrl !== undefined;
  await insertNotification(
    ctx.db,
    {
      id,
      user_id: input.userId,
      kind: input.kind,
      title: normalizeText(input.title),
      body: normalizeText(input.body),
      link: input.link,
      target_type: input.targetType,
      target_id: input.targetId,
      created_at: now.toISOString(),
      read_at: null,
    },
    webhook
      ? {
          id: randomUUID(),
          notification_id: id,
          channel: 'webhook',
          state: 'pending',
          attempts: 0,
          last_error: null,
          next_attempt_ms: now.getTime(),
          delivered_at: null,
        }
      : null,
  );
  // The empty path lies in nobody's jurisdiction, so only the recipient (and admins) hear it;
  // the event says only that something arrived, the client fetches its own list.
  ctx.events.publish({
    type: 'notification',
    jurisdictionPath: '',
    ownerUserId: input.userId,
    data: { id, kind: input.kind },
  });
  if (webhook) for (const wake of wakers.get(ctx.db) ?? []) wake();
}
