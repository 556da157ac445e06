import { describe, expect, it } from 'vitest';
import { challengeHeader, NonceIssuer, verifyDigest } from '../../sim/digest';
import { authorizationHeader, pickChallenge } from './rtsp-auth';

describe('answering a camera login challenge', () => {
  it('reads a Digest challenge with qop, opaque and stale', () => {
    expect(
      pickChallenge([
        'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b", opaque="5ccc", stale=TRUE',
      ]),
    ).toEqual({
      scheme: 'digest',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b',
      opaque: '5ccc',
      qopAuth: true,
      stale: true,
    });
  });

  it('prefers Digest to Basic, and takes Basic when it is the only one', () => {
    const digest = 'Digest realm="cam", nonce="abc", algorithm=MD5';
    expect(pickChallenge(['Basic realm="cam"', digest])?.scheme).toBe('digest');
    expect(pickChallenge(['Basic realm="cam"'])).toEqual({ scheme: 'basic', realm: 'cam' });
  });

  it('answers nothing it cannot: other algorithms, other schemes, no nonce', () => {
    expect(pickChallenge(['Digest realm="cam", nonce="abc", algorithm=SHA-256'])).toBeNull();
    expect(pickChallenge(['Digest realm="cam"'])).toBeNull();
    expect(pickChallenge(['Negotiate abc'])).toBeNull();
    expect(pickChallenge([])).toBeNull();
  });

  it('computes the RFC 2617 example response for qop=auth', () => {
    const challenge = pickChallenge([
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    ])!;
    const value = authorizationHeader({
      challenge,
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(value).toBe(
      'Digest username="Mufasa", realm="testrealm@host.com", ' +
        'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", ' +
        'response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, ' +
        'cnonce="0a4f113b", algorithm=MD5, opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
  });

  it('answers the simulator in the RFC 2069 form its challenge asks for', () => {
    const nonces = new NonceIssuer();
    const challenge = pickChallenge([challengeHeader('matthan-sim', nonces.issue())])!;
    const expected = { username: 'viewer', password: 'p@ss "word"', realm: 'matthan-sim' };
    const uri = 'rtsp://127.0.0.1:8554/cam-001';
    const answer = (password: string) =>
      authorizationHeader({ challenge, username: 'viewer', password, method: 'DESCRIBE', uri });
    expect(answer(expected.password)).not.toContain('qop=');
    expect(verifyDigest(answer(expected.password), 'DESCRIBE', expected, nonces)).toBe('ok');
    expect(verifyDigest(answer('wrong'), 'DESCRIBE', expected, nonces)).toBe('wrong');
  });

  it('sends user and password base64-encoded for Basic', () => {
    const value = authorizationHeader({
      challenge: { scheme: 'basic', realm: 'cam' },
      username: 'admin',
      password: 'Mật khẩu:1',
      method: 'DESCRIBE',
      uri: 'rtsp://cam/',
    });
    expect(value).toBe(`Basic ${Buffer.from('admin:Mật khẩu:1', 'utf8').toString('base64')}`);
  });
});
