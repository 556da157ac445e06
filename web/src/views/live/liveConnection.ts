import { parseLiveMessage, type InitMessage } from './liveProtocol';

export interface LiveHandlers {
  /** A stream description and its init segment: a new connection to the camera begins. */
  onInit(message: InitMessage, segment: ArrayBuffer): void;
  onFragment(fragment: ArrayBuffer): void;
  onStatus(state: 'connecting' | 'online' | 'offline'): void;
  /** The server skipped fragments because this viewer fell behind. */
  onSkipped(): void;
  /** The socket closed without `stop()`; `opened` says whether it ever connected. */
  onClosed(code: number, reason: string, opened: boolean): void;
}

/**
 * One live WebSocket: it pairs each `init` description with the binary init segment that
 * follows it and hands fragments on. Reconnecting is the player's decision, not this class's.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private pendingInit: InitMessage | null = null;
  private stopped = false;
  private opened = false;

  constructor(
    private readonly url: string,
    private readonly handlers: LiveHandlers,
  ) {}

  start(): void {
    const socket = new WebSocket(this.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.opened = true;
      // Stopped while connecting: closing a socket before it opens logs a browser error.
      if (this.stopped) socket.close(1000);
    };
    socket.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
      if (this.stopped) return;
      if (typeof event.data === 'string') {
        const message = parseLiveMessage(event.data);
        if (message?.type === 'init') this.pendingInit = message;
        else if (message?.type === 'status') this.handlers.onStatus(message.state);
        else if (message?.type === 'skipped') this.handlers.onSkipped();
        return;
      }
      if (this.pendingInit) {
        const init = this.pendingInit;
        this.pendingInit = null;
        this.handlers.onInit(init, event.data);
      } else this.handlers.onFragment(event.data);
    };
    socket.onclose = (event) => {
      if (!this.stopped) this.handlers.onClosed(event.code, event.reason, this.opened);
    };
  }

  stop(): void {
    this.stopped = true;
    const socket = this.socket;
    this.socket = null;
    if (socket?.readyState === WebSocket.OPEN) socket.close(1000);
  }
}
