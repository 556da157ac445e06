import { useEffect } from 'react';
import { ClientConfigProvider } from './hooks/clientConfig';
import { matchPath, navigate, useLinkInterception, useLocation } from './hooks/router';
import { SessionProvider, useSession } from './hooks/session';
import { ServerEventsProvider } from './hooks/useServerEvents';
import { ViewReasonProvider } from './hooks/useViewReason';
import { LanguageProvider, useT } from './i18n/i18n';
import { findPage, homePath } from './navigation';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { findPublicPage } from './publicPages';
import { PublicFrame } from './views/funding/PublicFrame';
import { AppShell } from './views/AppShell';

/** Signed out: the login form, whatever the address (it is kept, so login lands there). */
function Gate() {
  const t = useT();
  const { state } = useSession();
  const { path } = useLocation();
  useLinkInterception();
  const home = state.status === 'signed-in' && (path === '/' || path === '/login');
  useEffect(() => {
    if (home && state.me) navigate(homePath(state.me.role), { replace: true });
  }, [home, state.me]);

  if (state.status === 'checking') return <p className="splash">{t('common.loading')}</p>;
  const open = state.status === 'anonymous' ? findPublicPage(path, matchPath) : null;
  if (open)
    return (
      <PublicFrame>
        <open.page params={open.params} />
      </PublicFrame>
    );
  if (state.status === 'anonymous') return <LoginPage />;
  const found = findPage(path, matchPath);
  const Page = found?.page;
  // Live events flow while someone is signed in; logging out unmounts this and closes them.
  return (
    <ServerEventsProvider>
      <AppShell>{Page ? <Page params={found.params} /> : home ? null : <NotFoundPage />}</AppShell>
    </ServerEventsProvider>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <ClientConfigProvider>
        <SessionProvider>
          {/* Outside the gate so that signing out (which unmounts the gate) forgets the reason. */}
          <ViewReasonProvider>
            <Gate />
          </ViewReasonProvider>
        </SessionProvider>
      </ClientConfigProvider>
    </LanguageProvider>
  );
}
