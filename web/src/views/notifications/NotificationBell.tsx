import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../hooks/router';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import type { Notification } from '../../api/requests';
import { useNotifications } from './useNotifications';
import '../../styles/notifications.css';

/** The header's bell: unread count, and a dropdown that opens what each notice is about. */
export function NotificationBell() {
  const t = useT();
  const { language } = useLanguage();
  const state = useNotifications();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const { loadAll } = state;

  useEffect(() => {
    if (!open) return;
    loadAll();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, loadAll]);

  const choose = async (notification: Notification) => {
    setOpen(false);
    // A failed mark-read still takes the user where the notice points; it stays unread.
    if (!notification.readAt)
      await state.markRead(notification.id).then(
        () => true,
        () => false,
      );
    if (notification.link) navigate(notification.link);
  };

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        type="button"
        className="bell-button"
        data-testid="notification-bell"
        data-unread={state.unread}
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('notifications.bell', { count: state.unread })}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="bell-icon">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            fill="currentColor"
          />
        </svg>
        {state.unread > 0 ? (
          <span className="bell-count" data-testid="notification-count">
            {state.unread > 99 ? '99+' : state.unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="notification-menu" role="dialog" aria-label={t('notifications.title')}>
          <div className="notification-menu-head">
            <strong>{t('notifications.title')}</strong>
            <button
              type="button"
              className="link-button"
              data-testid="notifications-read-all"
              disabled={state.unread === 0}
              onClick={() => void state.markAllRead()}
            >
              {t('notifications.readAll')}
            </button>
          </div>
          {state.items === null ? <p className="muted">{t('common.loading')}</p> : null}
          {state.items?.length === 0 ? <p className="muted">{t('notifications.none')}</p> : null}
          <ul>
            {state.items?.map((notification) => (
              <li key={notification.id}>
                <button
                  type="button"
                  className={`notification-item${notification.readAt ? '' : ' notification-item--unread'}`}
                  data-testid="notification-item"
                  onClick={() => void choose(notification)}
                >
                  <strong>{notification.title}</strong>
                  <span>{notification.body}</span>
                  <small className="muted">
                    {formatDateTime(notification.createdAt, language)}
                  </small>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
