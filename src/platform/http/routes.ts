import { analyticsRoutes } from '../../analytics/analytics.routes';
import { reportRoutes } from '../../analytics/report/report.routes';
import { auditRoutes } from '../../audit/audit.routes';
import { authRoutes } from '../../auth/auth.routes';
import { userRoutes } from '../../auth/users.routes';
import { cameraRoutes } from '../../cameras/camera.routes';
import { coverageRoutes } from '../../coverage/coverage.routes';
import { roadRoutes } from '../../coverage/roads.routes';
import { evidenceRoutes } from '../../evidence/evidence.routes';
import { packageRoutes } from '../../evidence/package/package.routes';
import { finderRoutes } from '../../incidents/finder.routes';
import { campaignRoutes } from '../../funding/campaign.routes';
import { publicFundingRoutes } from '../../funding/public.routes';
import { incidentRoutes } from '../../incidents/incident.routes';
import { jurisdictionRoutes } from '../../jurisdictions/jurisdiction.routes';
import { liveRoutes } from '../../live/live.routes';
import { notificationRoutes } from '../../notifications/notification.routes';
import { siteRoutes } from '../../planning/sites.routes';
import { suggestionRoutes } from '../../planning/suggestions.routes';
import { targetRoutes } from '../../planning/targets.routes';
import { playbackRoutes } from '../../playback/playback.routes';
import { holdRoutes } from '../../recording/holds.routes';
import { recordingRoutes } from '../../recording/recording.routes';
import { storageRoutes } from '../../recording/storage.routes';
import { requestRoutes } from '../../requests/request.routes';
import { wallRoutes } from '../../wall/wall.routes';
import type { AppContext } from '../context';
import { eventRoutes } from '../events.routes';
import type { App } from './app';

/** Every domain's routes. A new domain adds one line here (and one entry in the web navigation). */
export const domainRoutes: ((app: App, ctx: AppContext) => void | Promise<void>)[] = [
  authRoutes,
  userRoutes,
  auditRoutes,
  jurisdictionRoutes,
  cameraRoutes,
  holdRoutes,
  storageRoutes,
  recordingRoutes,
  eventRoutes,
  liveRoutes,
  wallRoutes,
  playbackRoutes,
  incidentRoutes,
  finderRoutes,
  requestRoutes,
  notificationRoutes,
  evidenceRoutes,
  packageRoutes,
  roadRoutes,
  coverageRoutes,
  siteRoutes,
  suggestionRoutes,
  targetRoutes,
  campaignRoutes,
  publicFundingRoutes,
  analyticsRoutes,
  reportRoutes,
];
