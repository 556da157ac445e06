import { useCallback, useEffect, useState } from 'react';
import { notifications, type Notification } from '../../api/requests';

/** How often the unread count is refreshed while the tab is open. */
export const notificationPollMs = 30_000;

export interface NotificationState {
  unread: number;
  items: Notification[] | null;
  /** Loads the full list (unread and read), for the open dropdown. */
  loadAll: () => void;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/**
 * The unread count, polled every 30 s and whenever the window regains focus (a phone coming
 * back from the lock screen). A failed poll keeps the last count: the bell is a hint.
 */
export function useNotifications(): NotificationState {
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<Notification[] | null>(null);

  useEffect(() => {
    let current = true;
    const poll = () => {
      notifications.list(true).then(
        (answer) => {
          if (current) setUnread(answer.unread);
        },
        // Offline or signed out: keep the last count; the session itself handles a 401.
        () => undefined,
      );
    };
    poll();
    const timer = window.setInterval(poll, notificationPollMs);
    window.addEventListener('focus', poll);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
    };
  }, []);

  const loadAll = useCallback(() => {
    notifications.list(false).then(
      (answer) => {
        setItems(answer.items);
        setUnread(answer.unread);
      },
      () => setItems([]),
    );
  }, []);

  const markRead = useCallback(async (id: string) => {
    await notifications.read(id);
    const now = new Date().toISOString();
    setItems(
      (list) => list?.map((n) => (n.id === id ? { ...n, readAt: n.readAt ?? now } : n)) ?? null,
    );
    setUnread((count) => Math.max(0, count - 1));
  }, []);

  const markAllRead = useCallback(async () => {
    await notifications.readAll();
    const now = new Date().toISOString();
    setItems((list) => list?.map((n) => ({ ...n, readAt: n.readAt ?? now })) ?? null);
    setUnread(0);
  }, []);

  return { unread, items, loadAll, markRead, markAllRead };
}
