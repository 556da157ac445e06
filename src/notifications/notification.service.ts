import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { NotificationTable } from '../platform/db/schema';
import { notFound } from '../platform/http/errors';
import * as repo from './notification.repo';

// A user's own notifications. Nobody reads or marks another user's: their ids read as missing.

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function toNotification(row: NotificationTable): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number },
): Promise<{ items: Notification[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    repo.listNotifications(ctx.db, actor.id, query),
    repo.countUnread(ctx.db, actor.id),
  ]);
  return { items: rows.map(toNotification), unread };
}

export async function markNotificationRead(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Notification> {
  const row = await repo.findOwnNotification(ctx.db, actor.id, id);
  if (!row) throw notFound('notification');
  if (row.read_at === null) await repo.markRead(ctx.db, actor.id, id, ctx.now().toISOString());
  return toNotification((await repo.findOwnNotification(ctx.db, actor.id, id))!);
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<{ updated: number }> {
  return { updated: await repo.markRead(ctx.db, actor.id, null, ctx.now().toISOString()) };
}
