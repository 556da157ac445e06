import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';

export function userRoutes(_app: App, _ctx: AppContext): void {
  // filled in by this domain
}
