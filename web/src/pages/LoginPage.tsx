import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../api/client';
import type { Role } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useClientConfig } from '../hooks/clientConfig';
import { useSession } from '../hooks/session';
import { useT } from '../i18n/i18n';

/** The accounts `matthan serve --demo` creates, shown so a visitor can try each role. */
const demoAccounts: { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'police.xuandinh', role: 'ward_police' },
  { username: 'leader.tanxuan1', role: 'ward_official' },
  { username: 'owner.demo', role: 'camera_owner' },
  { username: 'auditor.hanoi', role: 'auditor' },
];
const demoPassword = 'matthan-demo';

export function LoginPage() {
  const t = useT();
  const { login } = useSession();
  const { demo } = useClientConfig();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-top">
          <h1>
            <span className="brand-mark" aria-hidden="true">
              ◉
            </span>{' '}
            {t('app.name')}
          </h1>
          <LanguageSwitch />
        </div>
        <p className="login-tagline">{t('app.tagline')}</p>
        <form onSubmit={(event) => void submit(event)}>
          <Field id="login-username" label={t('auth.username')}>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </Field>
          <Field id="login-password" label={t('auth.password')}>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.login')}
          </button>
        </form>
        <a className="login-public" href="/minh-bach" data-testid="login-transparency">
          {t('transparency.fromLogin')}
        </a>
        {demo ? (
          <aside className="demo-hint" data-testid="demo-hint">
            <strong>{t('auth.demoTitle')}</strong>
            <p>{t('auth.demoText', { password: demoPassword })}</p>
            <ul>
              {demoAccounts.map((account) => (
                <li key={account.username}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setUsername(account.username);
                      setPassword(demoPassword);
                    }}
                  >
                    {account.username}
                  </button>{' '}
                  <small>{t(`role.${account.role}`)}</small>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </div>
    </div>
  );
}
