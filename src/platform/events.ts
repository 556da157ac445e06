import { EventEmitter } from 'node:events';

/**
 * In-process events that the UI hears over `/api/events` (WebSocket). Each event names the
 * jurisdiction path of what it is about, so the socket forwards it only to viewers in scope.
 */
export interface ServerEvent {
  type: string;
  /** Jurisdiction path of the subject (a camera's path); null for events anyone may see. */
  jurisdictionPath: string | null;
  /** The owning user of the subject, who may see it whatever their scope. */
  ownerUserId?: string | null;
  at: string;
  data: Record<string, unknown>;
}

export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open WebSocket subscribes; a busy wall has many.
    this.emitter.setMaxListeners(0);
  }

  publish(event: Omit<ServerEvent, 'at'> & { at?: string }): void {
    this.emitter.emit('event', { ...event, at: event.at ?? new Date().toISOString() });
  }

  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
