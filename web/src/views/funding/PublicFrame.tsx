import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n/i18n';
import '../../styles/planning.css';

/** The public pages' own header for visitors who are not signed in: name, language, login. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="shell public-frame">
      <header className="shell-header public-header">
        <a className="brand" href="/minh-bach">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          {t('app.name')}
        </a>
        <LanguageSwitch />
        <a className="button" href="/login" data-testid="public-login">
          {t('auth.login')}
        </a>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
