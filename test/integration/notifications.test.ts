import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/notifications/notify';
import { startNotificationSender, type NotificationSender } from '../../src/notifications/sender';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, dialects, type Harness } from '../helpers/harness';

// In-app notifications (each user reads and marks only their own) and the outbound webhook,
// delivered to a real HTTP receiver on loopback: signed with HMAC-SHA256, retried after a
// failure on a short schedule, and given up on after the last attempt.

const secret = 'webhook-secret-for-tests';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A gateway that answers each POST with the next status from `answers` (then 200). */
function receiver(): {
  server: Server;
  received: Received[];
  answers: number[];
  url: () => string;
} {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end('ok');
    });
  });
  return {
    server,
    received,
    answers,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
  };
}

/** Polls `check` until it returns a value, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const dialect of dialects) {
  describe(`notifications [${dialect}]`, () => {
    const gateway = receiver();
    let h: Harness;
    let sender: NotificationSender;
    const cookie: Record<string, string> = {};
    const ids: Record<string, string> = {};

    const tell = (userId: string, title: string) =>
      notify(h.ctx, {
        userId,
        kind: 'request.new',
        title,
        body: 'Công an đề nghị cung cấp hình ảnh',
        link: '/my-requests',
        targetType: 'footage_request',
        targetId: 'r-1',
      });
    const deliveries = (state: 'pending' | 'sent' | 'failed') =>
      h.ctx.db.kysely
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('state', '=', state)
        .execute();

    beforeAll(async () => {
      await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
      // Configured after start, so the app's own sender (started only when a gateway is set)
      // stays off and this test drives one with short intervals.
      h = await createHarness(dialect);
      h.ctx.config = {
        ...h.ctx.config,
        notifyWebhookUrl: gateway.url(),
        notifyWebhookSecret: secret,
      };
      await seedTestUnits(h.ctx);
      for (const name of ['owner', 'other']) {
        ids[name] = await h.createUser({
          username: `nt.${name}`,
          role: 'camera_owner',
          jurisdictionId: unitIds.tanXuan1,
        });
        cookie[name] = await h.login(`nt.${name}`);
      }
      await h.ctx.db.kysely
        .updateTable('users')
        .set({ phone: '0912345678', display_name: 'Chủ nhà' })
        .where('id', '=', ids.owner!)
        .execute();
      sender = startNotificationSender(h.ctx, h.app.log, {
        pollMs: 50,
        backoffMs: [100, 100, 100, 100, 100],
      });
    });
    afterAll(async () => {
      await sender?.stop();
      await h?.close();
      await new Promise((resolve) => gateway.server.close(resolve));
    });

    it('posts the notification signed with the secret, naming the delivery', async () => {
      await tell(ids.owner!, 'Yêu cầu trích xuất hình ảnh camera CAM-001');
      const hit = await eventually(() => gateway.received[0]);
      const signature = createHmac('sha256', secret).update(hit.body).digest('hex');
      expect(hit.headers['x-matthan-signature']).toBe(`sha256=${signature}`);
      const sent = await eventually(async () => (await deliveries('sent'))[0]);
      expect(hit.headers['x-matthan-delivery']).toBe(sent.id);
      expect(JSON.parse(hit.body)).toMatchObject({
        kind: 'request.new',
        title: 'Yêu cầu trích xuất hình ảnh camera CAM-001',
        link: '/my-requests',
        user: { id: ids.owner, username: 'nt.owner', displayName: 'Chủ nhà', phone: '0912345678' },
      });
      expect(sent.attempts).toBe(1);
    });

    it('tries again after the gateway answers 500, and is then delivered', async () => {
      gateway.received.length = 0;
      gateway.answers.push(500);
      await tell(ids.owner!, 'Lần hai');
      await eventually(() => (gateway.received.length >= 2 ? true : undefined));
      const retried = await eventually(async () =>
        (await deliveries('sent')).find((d) => Number(d.attempts) === 2),
      );
      expect(retried.last_error).toBeNull();
      // Both attempts carried the same delivery id and the same signed bytes.
      const [first, second] = gateway.received;
      expect(second!.headers['x-matthan-delivery']).toBe(first!.headers['x-matthan-delivery']);
      expect(second!.body).toBe(first!.body);
    });

    it('gives up after the sixth failed attempt, keeping the last error', async () => {
      gateway.answers.push(503, 503, 503, 503, 503, 503);
      await tell(ids.owner!, 'Không gửi được');
      const failed = await eventually(async () => (await deliveries('failed'))[0]);
      expect(failed).toMatchObject({ last_error: 'HTTP 503' });
      expect(Number(failed.attempts)).toBe(6);
    });

    it('lists a user’s own notifications with the unread count, and marks them read', async () => {
      const other = await h.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { cookie: cookie.other! },
      });
      expect(other.json()).toEqual({ items: [], unread: 0 });

      const mine = await h.app.inject({
        method: 'GET',
        url: '/api/notifications?unread=true',
        headers: { cookie: cookie.owner! },
      });
      const list = mine.json<{ items: { id: string; title: string }[]; unread: number }>();
      expect(list.unread).toBe(3);
      expect(list.items.map((n) => n.title)).toEqual([
        'Không gửi được',
        'Lần hai',
        'Yêu cầu trích xuất hình ảnh camera CAM-001',
      ]);

      const first = list.items[0]!.id;
      const stolen = await h.app.inject({
        method: 'POST',
        url: `/api/notifications/${first}/read`,
        headers: { cookie: cookie.other! },
      });
      expect(stolen.statusCode).toBe(404);
      const read = await h.app.inject({
        method: 'POST',
        url: `/api/notifications/${first}/read`,
        headers: { cookie: cookie.owner! },
      });
      expect(read.json<{ readAt: string | null }>().readAt).not.toBeNull();

      const all = await h.app.inject({
        method: 'POST',
        url: '/api/notifications/read-all',
        headers: { cookie: cookie.owner! },
      });
      expect(all.json()).toEqual({ updated: 2 });
      const after = await h.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { cookie: cookie.owner! },
      });
      expect(after.json<{ unread: number }>().unread).toBe(0);
    });
  });
}
