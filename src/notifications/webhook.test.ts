import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  defaultBackoffMs,
  describeFetchError,
  webhookHeaders,
  webhookPayload,
  webhookSignature,
} from './webhook';

const due = {
  notification: {
    id: 'n1',
    user_id: 'u1',
    kind: 'request.new',
    title: 'Yêu cầu trích xuất hình ảnh camera CAM-001',
    body: 'Nội dung',
    link: '/my-requests',
    target_type: 'footage_request',
    target_id: 'r1',
    created_at: '2025-03-01T03:00:00.000Z',
    read_at: null,
  },
  user: { id: 'u1', username: 'chu.nha', displayName: 'Chủ nhà', phone: '0900', email: null },
};

describe('webhook payload', () => {
  it('carries the notification and the recipient’s contact, nothing of the server', () => {
    expect(webhookPayload(due)).toEqual({
      id: 'n1',
      kind: 'request.new',
      title: 'Yêu cầu trích xuất hình ảnh camera CAM-001',
      body: 'Nội dung',
      link: '/my-requests',
      createdAt: '2025-03-01T03:00:00.000Z',
      user: { id: 'u1', username: 'chu.nha', displayName: 'Chủ nhà', phone: '0900', email: null },
    });
  });

  it('signs the exact body with HMAC-SHA256 of the secret', () => {
    const body = JSON.stringify(webhookPayload(due));
    const expected = createHmac('sha256', 'a-secret-of-16-chars').update(body).digest('hex');
    expect(webhookSignature('a-secret-of-16-chars', body)).toBe(`sha256=${expected}`);
  });

  it('names the delivery always and signs only when a secret is set', () => {
    expect(webhookHeaders('{}', 'd1', undefined)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'X-Matthan-Delivery': 'd1',
    });
    expect(webhookHeaders('{}', 'd1', 'a-secret-of-16-chars')['X-Matthan-Signature']).toMatch(
      /^sha256=[0-9a-f]{64}$/,
    );
  });
});

describe('delivery retries', () => {
  const now = 1_700_000_000_000;

  it('marks a 2xx answer sent', () => {
    expect(afterAttempt({ attempts: 0 }, { ok: true }, now)).toEqual({
      state: 'sent',
      attempts: 1,
      last_error: null,
      next_attempt_ms: now,
      delivered_at: new Date(now).toISOString(),
    });
  });

  it('waits 5 s, 30 s, 2 min, 10 min, 1 h between attempts, then gives up after the 6th', () => {
    const waits: number[] = [];
    let row = { attempts: 0 };
    for (let i = 0; i < 5; i++) {
      const next = afterAttempt(row, { ok: false, error: 'HTTP 500' }, now);
      expect(next.state).toBe('pending');
      waits.push(next.next_attempt_ms - now);
      row = next;
    }
    expect(waits).toEqual([...defaultBackoffMs]);
    const last = afterAttempt(row, { ok: false, error: 'HTTP 500' }, now);
    expect(last).toMatchObject({ state: 'failed', attempts: 6, last_error: 'HTTP 500' });
  });

  it('describes a refused connection by its code and a timeout in words, never the URL', () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(describeFetchError(refused)).toBe('connection failed (ECONNREFUSED)');
    expect(describeFetchError(new DOMException('t', 'TimeoutError'))).toBe('timed out');
  });
});
