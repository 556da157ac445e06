import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';

// Scaffold: filled in by this domain's work.
export function analyticsRoutes(_app: App, _ctx: AppContext): void {}
