// A camera's stream URL split into what the socket needs, what goes on the wire and what
// authenticates. Credentials never reach the request line: servers log it, and so might we.

export interface RtspTarget {
  host: string;
  port: number;
  /** The URL as sent in requests: no user or password. */
  requestUrl: string;
  credentials: { username: string; password: string } | null;
}

const defaultPort = 554;

export class RtspUrlError extends Error {}

/** Parses `rtsp://user:pass@host:port/path?query`; the error message never repeats the URL. */
export function parseRtspUrl(url: string): RtspTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL itself may carry a password, so the message only names the problem.
    throw new RtspUrlError('the stream URL is not a valid URL');
  }
  if (parsed.protocol !== 'rtsp:') {
    throw new RtspUrlError(`the stream URL is not rtsp:// (${parsed.protocol.replace(/:$/, '')})`);
  }
  if (!parsed.hostname) throw new RtspUrlError('the stream URL has no host');
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  const username = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  return {
    host,
    port,
    requestUrl: `rtsp://${hostPart}:${port}${path}${parsed.search}`,
    credentials: username || password ? { username, password } : null,
  };
}
