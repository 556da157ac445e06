// Pages anyone may open without signing in. The gate shows them in their own frame to
// visitors and inside the app shell to people who are signed in.
import type { ComponentType } from 'react';
import type { PageProps } from './navigation';
import { TransparencyPage } from './pages/TransparencyPage';

export const publicPages: { pattern: string; page: ComponentType<PageProps> }[] = [
  { pattern: '/minh-bach', page: TransparencyPage },
  { pattern: '/minh-bach/:id', page: TransparencyPage },
];

export function findPublicPage(
  path: string,
  match: (pattern: string, path: string) => Record<string, string> | null,
) {
  for (const entry of publicPages) {
    const params = match(entry.pattern, path);
    if (params) return { page: entry.page, params };
  }
  return null;
}
