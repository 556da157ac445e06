import { useState } from 'react';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLocation } from '../hooks/router';
import { useMe, useSession } from '../hooks/session';
import { useT } from '../i18n/i18n';
import { visibleSections } from '../navigation';
import { NotificationBell } from './notifications/NotificationBell';

/** Header (brand, menu, user, language, logout) around the current page. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const { logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(path);
  // The phone menu closes whenever the page changes.
  if (openedAt !== path) {
    setOpenedAt(path);
    setMenuOpen(false);
  }

  return (
    <div className="shell">
      <header className="shell-header">
        <a className="brand" href="/map">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          {t('app.name')}
        </a>
        <NotificationBell />
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <nav
          id="main-nav"
          className={`main-nav${menuOpen ? ' main-nav--open' : ''}`}
          aria-label={t('nav.label')}
        >
          {visibleSections(me.role).map((section) => (
            <a
              key={section.path}
              href={section.path}
              aria-current={
                path === section.path || path.startsWith(`${section.path}/`) ? 'page' : undefined
              }
            >
              {t(section.label)}
            </a>
          ))}
        </nav>
        <div className={`shell-user${menuOpen ? ' shell-user--open' : ''}`}>
          <span className="user-name" data-testid="current-user">
            {me.displayName}
            <small>
              {t(`role.${me.role}`)}
              {me.jurisdictionName ? ` · ${me.jurisdictionName}` : ''}
            </small>
          </span>
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
