// A small history-based router: the server answers every non-API path with index.html,
// so `/cameras/42` can be bookmarked and reloaded.
import { useEffect, useSyncExternalStore } from 'react';

const changeEvent = 'matthan:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changeEvent));
  window.scrollTo(0, 0);
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

export interface Location {
  path: string;
  query: URLSearchParams;
  url: string;
}

/** The current location; re-renders the caller on every navigation. */
export function useLocation(): Location {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const [path = '/', search = ''] = url.split('?');
  return { path, query: new URLSearchParams(search), url };
}

/** `/cameras/:id` against `/cameras/42` → `{ id: '42' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i] ?? '';
    const actual = pathParts[i] ?? '';
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(actual);
    else if (expected !== actual) return null;
  }
  return params;
}

/**
 * Turns clicks on same-origin links into client-side navigation, including links that
 * Leaflet popups render outside React.
 */
export function useLinkInterception(): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const href = anchor.getAttribute('href');
      if (!href?.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
      event.preventDefault();
      navigate(href);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
