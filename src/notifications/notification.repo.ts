import type { Db } from '../platform/db/database';
import type { NotificationDeliveryTable, NotificationTable } from '../platform/db/schema';

// SQL for in-app notifications and their outbound webhook deliveries. Decisions (who is told
// what, when a failed delivery is tried again) live in the service and the sender.

export async function insertNotification(
  db: Db,
  row: NotificationTable,
  delivery: NotificationDeliveryTable | null,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('notifications').values(row).execute();
    if (delivery) await trx.insertInto('notification_deliveries').values(delivery).execute();
  });
}

export async function listNotifications(
  db: Db,
  userId: string,
  query: { unreadOnly: boolean; limit: number },
): Promise<NotificationTable[]> {
  let select = db.kysely.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (query.unreadOnly) select = select.where('read_at', 'is', null);
  return select.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The user's own notification only: another user's id reads as missing. */
export async function findOwnNotification(
  db: Db,
  userId: string,
  id: string,
): Promise<NotificationTable | undefined> {
  return db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks one notification read (`id`), or all of the user's (`id` null). */
export async function markRead(
  db: Db,
  userId: string,
  id: string | null,
  at: string,
): Promise<number> {
  let update = db.kysely
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) update = update.where('id', '=', id);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A due delivery with what the webhook body needs: the notification and its recipient. */
export interface DueDelivery {
  delivery: NotificationDeliveryTable;
  notification: NotificationTable;
  user: {
    id: string;
    username: string;
    displayName: string;
    phone: string | null;
    email: string | null;
  };
}

export async function dueDeliveries(db: Db, nowMs: number, limit: number): Promise<DueDelivery[]> {
  const rows = await db.kysely
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('d')
    .select([
      'n.user_id',
      'n.kind',
      'n.title',
      'n.body',
      'n.link',
      'n.target_type',
      'n.target_id',
      'n.created_at',
      'n.read_at',
      'u.username',
      'u.display_name',
      'u.phone',
      'u.email',
    ])
    .where('d.state', '=', 'pending')
    .where('d.next_attempt_ms', '<=', nowMs)
    .orderBy('d.next_attempt_ms')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    delivery: {
      id: row.id,
      notification_id: row.notification_id,
      channel: row.channel,
      state: row.state,
      attempts: Number(row.attempts),
      last_error: row.last_error,
      next_attempt_ms: Number(row.next_attempt_ms),
      delivered_at: row.delivered_at,
    },
    notification: {
      id: row.notification_id,
      user_id: row.user_id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      target_type: row.target_type,
      target_id: row.target_id,
      created_at: row.created_at,
      read_at: row.read_at,
    },
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      phone: row.phone,
      email: row.email,
    },
  }));
}

/**
 * Takes a due delivery for one attempt by pushing its next attempt past the attempt's timeout.
 * Only the sender whose update matched the time it read goes on, so when several server
 * processes send from one PostgreSQL database, each delivery is attempted by one of them.
 */
export async function claimDelivery(
  db: Db,
  delivery: Pick<NotificationDeliveryTable, 'id' | 'next_attempt_ms'>,
  leaseUntilMs: number,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable('notification_deliveries')
    .set({ next_attempt_ms: leaseUntilMs })
    .where('id', '=', delivery.id)
    .where('state', '=', 'pending')
    .where('next_attempt_ms', '=', delivery.next_attempt_ms)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordAttempt(
  db: Db,
  id: string,
  outcome: Pick<
    NotificationDeliveryTable,
    'state' | 'attempts' | 'last_error' | 'next_attempt_ms' | 'delivered_at'
  >,
): Promise<void> {
  await db.kysely
    .updateTable('notification_deliveries')
    .set(outcome)
    .where('id', '=', id)
    .execute();
}

export async function findDeliveries(
  db: Db,
  notificationId: string,
): Promise<NotificationDeliveryTable[]> {
  return db.kysely
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .execute();
}
