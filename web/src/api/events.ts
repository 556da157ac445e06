// The one WebSocket to `/api/events`: server pushes (camera health now; more domains later)
// fanned out to subscribers by event type. It reconnects with capped exponential backoff, so
// a server restart or a phone that loses its network for a while needs no page reload.

export interface ServerEvent {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export type ServerEventListener = (event: ServerEvent) => void;
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export const firstRetryMs = 1_000;
export const maxRetryMs = 30_000;
/** The server's close code when the session behind the socket has ended (logout, expiry). */
export const sessionEndedCode = 4401;
/** A connection that stayed up this long was healthy: the next failure starts over at 1 s. */
const healthyAfterMs = 10_000;

/** The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(maxRetryMs, firstRetryMs * 2 ** Math.min(attempt, 16));
}

/** ws:// or wss:// to match the page, so the session cookie goes along. */
export function eventsUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/events`;
}

/** A message as the server sends it, or null for anything else (ignored, never thrown). */
export function parseServerEvent(raw: unknown): ServerEvent | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // A frame that is not JSON (a proxy's keep-alive, say) carries no event.
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, at, data } = value as Record<string, unknown>;
  if (typeof type !== 'string') return null;
  return {
    type,
    at: typeof at === 'string' ? at : new Date().toISOString(),
    data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {},
  };
}

export class ServerEventSocket {
  private socket: WebSocket | null = null;
  private retryTimer: number | undefined;
  private attempt = 0;
  private openedAt = 0;
  /** Attempts in a row that never opened (server down, or the session gone: a 401 handshake). */
  private failures = 0;
  private stopped = true;
  private readonly listeners = new Map<string, Set<ServerEventListener>>();
  private readonly statusListeners = new Set<() => void>();
  status: ConnectionStatus = 'closed';
  /** How many times the socket has opened: a change means events may have been missed. */
  opens = 0;

  /**
   * `onSessionInDoubt` runs when the server closed the socket because the session ended, and
   * after two attempts in a row that never opened (the browser does not say whether the
   * server was down or refused the handshake), so the app can check who is signed in.
   */
  constructor(
    private readonly url: string,
    private readonly onSessionInDoubt: () => void = () => undefined,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.retryNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    window.clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) this.closeQuietly(socket);
    this.setStatus('closed');
  }

  subscribe(type: string, listener: ServerEventListener): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private connect(): void {
    if (this.stopped) return;
    this.setStatus('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = Date.now();
      this.failures = 0;
      this.opens += 1;
      this.setStatus('open');
    };
    socket.onmessage = (message: MessageEvent) => {
      const event = parseServerEvent(message.data);
      if (event) this.dispatch(event);
    };
    socket.onclose = (close: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.openedAt && Date.now() - this.openedAt >= healthyAfterMs) this.attempt = 0;
      const neverOpened = this.openedAt === 0;
      this.openedAt = 0;
      this.setStatus('closed');
      this.scheduleRetry();
      if (neverOpened) this.failures += 1;
      if (close.code === sessionEndedCode || this.failures >= 2) this.onSessionInDoubt();
    };
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    const delay = reconnectDelay(this.attempt);
    this.attempt += 1;
    // A little spread, so many browsers do not all come back in the same instant.
    const spread = Math.min(maxRetryMs, delay * (1 + Math.random() * 0.2));
    this.retryTimer = window.setTimeout(() => this.connect(), spread);
  }

  /** The network came back: try at once rather than sit out the rest of the backoff. */
  private readonly retryNow = () => {
    if (this.stopped || this.socket) return;
    window.clearTimeout(this.retryTimer);
    this.connect();
  };

  /**
   * Closing a socket that is still connecting makes the browser log an error, so such a
   * socket is closed as soon as it opens instead.
   */
  private closeQuietly(socket: WebSocket): void {
    socket.onmessage = null;
    socket.onclose = null;
    if (socket.readyState === WebSocket.CONNECTING) socket.onopen = () => socket.close(1000);
    else {
      socket.onopen = null;
      socket.close(1000);
    }
  }

  private dispatch(event: ServerEvent): void {
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener(event);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener();
  }
}
