// React's side of the one events socket: a provider that holds the connection for as long as
// someone is signed in (it unmounts at logout, which closes the socket), and hooks to listen.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { auth } from '../api/endpoints';
import {
  eventsUrl,
  ServerEventSocket,
  type ConnectionStatus,
  type ServerEventListener,
} from '../api/events';

const EventsContext = createContext<ServerEventSocket | null>(null);

/**
 * Asks who is signed in when the socket suggests the session may be over: a 401 there signs
 * the page out (see `onUnauthorized`), which unmounts the provider and ends the retries; any
 * other answer leaves the backoff to carry on.
 */
function checkSession(): void {
  // Nothing to do with the answer here: a 401 has already signed the page out through the
  // client, and a network failure means the server is down, which the backoff handles.
  void auth.me().then(
    () => undefined,
    () => undefined,
  );
}

export function ServerEventsProvider({ children }: { children: ReactNode }) {
  const [socket] = useState(() => new ServerEventSocket(eventsUrl(window.location), checkSession));
  useEffect(() => {
    socket.start();
    return () => socket.stop();
  }, [socket]);
  return <EventsContext.Provider value={socket}>{children}</EventsContext.Provider>;
}

/** Calls `listener` for every event of `type` while the caller is mounted. */
export function useServerEvent(type: string, listener: ServerEventListener): void {
  const socket = useContext(EventsContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => socket?.subscribe(type, (event) => latest.current(event)), [socket, type]);
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** Changes on every (re)connection: reload what events would have updated meanwhile. */
  opens: number;
}

/** The socket's state; outside the provider (signed out) it reads as closed. */
export function useServerEventsConnection(): ConnectionState {
  const socket = useContext(EventsContext);
  const subscribe = useCallback(
    (onChange: () => void) => (socket ? socket.onStatus(onChange) : () => undefined),
    [socket],
  );
  const status = useSyncExternalStore(subscribe, () => socket?.status ?? 'closed');
  const opens = useSyncExternalStore(subscribe, () => socket?.opens ?? 0);
  return { status, opens };
}
