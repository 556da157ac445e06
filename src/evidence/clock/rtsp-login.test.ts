import { describe, expect, it } from 'vitest';
import { ProbeFailure, type Exchange } from './rtsp-client';
import { CameraLogin, loggedInRequest } from './rtsp-login';

const answer = (status: number, challenge?: string): Exchange => ({
  response: {
    status,
    headers: new Map(challenge ? [['www-authenticate', [challenge]]] : []),
    cseq: null,
    body: '',
  },
  sentAt: 0,
  answeredAt: 1,
});

/** A camera that answers each request with the next of `answers`, noting what it was sent. */
function camera(answers: Exchange[]) {
  const sent: [string, string][][] = [];
  return {
    sent,
    request(_method: string, _url: string, headers: [string, string][] = []) {
      sent.push(headers);
      const next = answers.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error('no more answers'));
    },
  };
}

const login = () => new CameraLogin({ username: 'u', password: 'p' });

describe('logging in to a camera', () => {
  it('answers a 401 once and keeps answering later requests with the same nonce', async () => {
    const cam = camera([answer(401, 'Digest realm="r", nonce="n1"'), answer(200), answer(200)]);
    const session = login();
    expect((await loggedInRequest(cam, session, 'DESCRIBE', 'rtsp://c/')).response.status).toBe(
      200,
    );
    await loggedInRequest(cam, session, 'SETUP', 'rtsp://c/track1');
    expect(cam.sent.map((headers) => headers.length)).toEqual([0, 1, 1]);
    expect(cam.sent[2]?.[0]?.[1]).toContain('uri="rtsp://c/track1"');
  });

  it('tries again with a fresh nonce when the camera says the old one is stale', async () => {
    const cam = camera([
      answer(401, 'Digest realm="r", nonce="n1"'),
      answer(401, 'Digest realm="r", nonce="n2", stale=TRUE'),
      answer(200),
    ]);
    await loggedInRequest(cam, login(), 'DESCRIBE', 'rtsp://c/');
    expect(cam.sent[2]?.[0]?.[1]).toContain('nonce="n2"');
  });

  it('stops at a second 401 that is not stale: the password is wrong', async () => {
    const cam = camera([
      answer(401, 'Digest realm="r", nonce="n1"'),
      answer(401, 'Digest realm="r", nonce="n2"'),
    ]);
    const failure = loggedInRequest(cam, login(), 'DESCRIBE', 'rtsp://c/');
    await expect(failure).rejects.toThrow(ProbeFailure);
    await expect(failure).rejects.toThrow('the camera refused the stored login (401)');
    expect(cam.sent).toHaveLength(2);
  });

  it('stops when the camera only offers a login this client cannot give', async () => {
    const cam = camera([answer(401, 'Negotiate')]);
    await expect(loggedInRequest(cam, login(), 'DESCRIBE', 'rtsp://c/')).rejects.toThrow(
      'other than Digest (MD5) or Basic',
    );
  });
});
