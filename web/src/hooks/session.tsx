// Who is signed in. The session cookie is HttpOnly, so the page keeps only a hint that a
// session may exist: without it the login form shows at once, with no request that would
// answer 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { onUnauthorized } from '../api/client';
import { auth } from '../api/endpoints';
import type { Me } from '../api/types';

type SessionState =
  | { status: 'checking'; me: null }
  | { status: 'anonymous'; me: null }
  | { status: 'signed-in'; me: Me };

interface Session {
  state: SessionState;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const hintKey = 'matthan.signedIn';
const SessionContext = createContext<Session | null>(null);

function readHint(): boolean {
  try {
    return window.localStorage.getItem(hintKey) === '1';
  } catch {
    // Without storage every visit starts at the login form, which is still correct.
    return false;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(hintKey, '1');
    else window.localStorage.removeItem(hintKey);
  } catch {
    document.documentElement.dataset.sessionHintUnavailable = 'true';
  }
}

const anonymous: SessionState = { status: 'anonymous', me: null };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    readHint() ? { status: 'checking', me: null } : anonymous,
  );
  const checking = state.status === 'checking';

  useEffect(() => {
    if (!checking) return;
    let current = true;
    auth.me().then(
      ({ user }) => {
        if (current) setState({ status: 'signed-in', me: user });
      },
      () => {
        writeHint(false);
        if (current) setState(anonymous);
      },
    );
    return () => {
      current = false;
    };
  }, [checking]);

  useEffect(
    () =>
      onUnauthorized(() => {
        writeHint(false);
        setState(anonymous);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await auth.login(username, password);
    writeHint(true);
    setState({ status: 'signed-in', me: user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      writeHint(false);
      setState(anonymous);
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages rendered behind the login gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}
