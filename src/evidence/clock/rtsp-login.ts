import { authorizationHeader, pickChallenge, type Challenge } from './rtsp-auth';
import { ProbeFailure, type Exchange, type RtspClientConnection } from './rtsp-client';

// Logging in to a camera the way RTSP clients do: send the request, and on a 401 answer the
// challenge and send it again. A camera that rejects the answer gets no second guess, so a
// wrong password costs one failed login on the camera, not a lockout.

export class CameraLogin {
  private challenge: Challenge | null = null;
  /** Requests answered with the current Digest nonce (its `nc`). */
  private uses = 0;

  constructor(private readonly credentials: { username: string; password: string } | null) {}

  headers(method: string, uri: string): [string, string][] {
    if (!this.challenge || !this.credentials) return [];
    this.uses++;
    const value = authorizationHeader({
      challenge: this.challenge,
      ...this.credentials,
      method,
      uri,
      nc: this.uses,
    });
    return [['Authorization', value]];
  }

  /** Takes a 401's challenge for the next try; throws when there is nothing left to try. */
  challenged(exchange: Exchange, answered: boolean): void {
    if (!this.credentials) {
      throw new ProbeFailure('the camera asks for a login and the stream URL has none');
    }
    const challenge = pickChallenge(exchange.response.headers.get('www-authenticate') ?? []);
    if (!challenge) {
      throw new ProbeFailure('the camera asks for a login other than Digest (MD5) or Basic');
    }
    // A stale nonce is the camera's clock on its challenge, not a wrong password.
    const stale = challenge.scheme === 'digest' && challenge.stale;
    if (answered && !stale) throw new ProbeFailure('the camera refused the stored login (401)');
    this.challenge = challenge;
    this.uses = 0;
  }
}

/** One request, logged in; a 401 after an answered challenge is a refusal. */
export async function loggedInRequest(
  connection: Pick<RtspClientConnection, 'request'>,
  login: CameraLogin,
  method: string,
  url: string,
  headers: [string, string][] = [],
): Promise<Exchange> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const auth = login.headers(method, url);
    const exchange = await connection.request(method, url, [...headers, ...auth]);
    if (exchange.response.status !== 401) return exchange;
    login.challenged(exchange, auth.length > 0);
  }
  throw new ProbeFailure('the camera kept asking for a login (401)');
}
