import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/map">{t('notFound.back')}</a>
      </p>
    </div>
  );
}
