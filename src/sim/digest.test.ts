import { describe, expect, it } from 'vitest';
import { challengeHeader, digestResponse, NonceIssuer, parseDigest, verifyDigest } from './digest';

// RFC 2617 section 3.5: the worked example.
const rfc2617 = {
  username: 'Mufasa',
  password: 'Circle Of Life',
  realm: 'testrealm@host.com',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
  qop: 'auth',
  nc: '00000001',
  cnonce: '0a4f113b',
};

describe('Digest authentication', () => {
  it('computes the response of the RFC 2617 example', () => {
    expect(digestResponse(rfc2617)).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('computes the RFC 2069 form (no qop) that cameras usually ask for', () => {
    // MD5(MD5("Mufasa:testrealm@host.com:Circle Of Life"):nonce:MD5("GET:/dir/index.html"))
    expect(digestResponse({ ...rfc2617, qop: undefined })).toBe('670fd8c2df070c60b045671b8b24ff02');
  });

  it('parses an Authorization header with quoted and bare values', () => {
    const header =
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
      'uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1"';
    expect(parseDigest(header)).toEqual({
      username: 'Mufasa',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/dir/index.html',
      response: '6629fae49393a05397450978507c4ef1',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
      algorithm: undefined,
    });
    expect(parseDigest('Basic QWxhZGRpbjpvcGVu')).toBeNull();
    expect(parseDigest('Digest username="a", realm="b"')).toBeNull();
  });

  it('accepts only the right password with a nonce it issued', () => {
    const nonces = new NonceIssuer(Buffer.alloc(16, 7));
    const expected = { username: 'demo', password: 'demo-pass', realm: 'matthan-sim' };
    const nonce = nonces.issue(1_700_000_000_000);
    const uri = 'rtsp://127.0.0.1:8554/cam-001';
    const header = (password: string, withNonce = nonce) => {
      const response = digestResponse({
        ...expected,
        password,
        method: 'DESCRIBE',
        uri,
        nonce: withNonce,
      });
      return `Digest username="demo", realm="matthan-sim", nonce="${withNonce}", uri="${uri}", response="${response}"`;
    };
    expect(verifyDigest(header('demo-pass'), 'DESCRIBE', expected, nonces)).toBe('ok');
    expect(verifyDigest(header('wrong'), 'DESCRIBE', expected, nonces)).toBe('wrong');
    expect(verifyDigest(header('demo-pass'), 'SETUP', expected, nonces)).toBe('wrong');
    expect(verifyDigest(undefined, 'DESCRIBE', expected, nonces)).toBe('missing');
    const foreign = new NonceIssuer(Buffer.alloc(16, 8)).issue();
    expect(verifyDigest(header('demo-pass', foreign), 'DESCRIBE', expected, nonces)).toBe('stale');
  });

  it('issues a challenge naming the realm, the nonce and MD5', () => {
    expect(challengeHeader('matthan-sim', 'abc')).toBe(
      'Digest realm="matthan-sim", nonce="abc", algorithm=MD5',
    );
    expect(challengeHeader('r', 'n', true)).toBe(
      'Digest realm="r", nonce="n", algorithm=MD5, stale=TRUE',
    );
  });
});
