// The app's sections. A new domain (recording, live view, incidents, coverage, funding,
// analytics…) adds one entry here: its menu item and its pages.
import type { ComponentType } from 'react';
import type { Role } from './api/types';
import type { MessageKey } from './i18n/i18n';
import { AuditPage } from './pages/AuditPage';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { CoveragePage } from './pages/CoveragePage';
import { DashboardPage } from './pages/DashboardPage';
import { CameraDetailPage } from './pages/CameraDetailPage';
import { CameraEditPage } from './pages/CameraEditPage';
import { CameraListPage } from './pages/CameraListPage';
import { HealthPage } from './pages/HealthPage';
import { IncidentListPage } from './pages/IncidentListPage';
import { IncidentNewPage } from './pages/IncidentNewPage';
import { IncidentPage } from './pages/IncidentPage';
import { ImportPage } from './pages/ImportPage';
import { MapPage } from './pages/MapPage';
import { MyCamerasPage } from './pages/MyCamerasPage';
import { MyRequestsPage } from './pages/MyRequestsPage';
import { PlaybackPage } from './pages/PlaybackPage';
import { SitePage } from './pages/SitePage';
import { SitesPage } from './pages/SitesPage';
import { TargetsPage } from './pages/TargetsPage';
import { WallPage } from './pages/WallPage';
import {
  analyticsRoles,
  auditRoles,
  cameraRoles,
  fundingRoles,
  incidentRoles,
  planningRoles,
  registryRoles,
} from './permissions';
import { publicPages } from './publicPages';
import { healthRoles } from './views/recording/recordingRoles';
import { wallRoles } from './views/wall/wallLayout';

export interface PageProps {
  params: Record<string, string>;
}

export interface Section {
  /** Where the menu item goes; also the prefix that marks it active. */
  path: string;
  label: MessageKey;
  /** Who sees the menu item (everyone signed in when absent). The API enforces access. */
  roles?: readonly Role[];
  pages: { pattern: string; page: ComponentType<PageProps> }[];
}

export const sections: Section[] = [
  {
    path: '/map',
    label: 'nav.map',
    roles: cameraRoles,
    pages: [{ pattern: '/map', page: MapPage }],
  },
  {
    path: '/cameras',
    label: 'nav.cameras',
    roles: registryRoles,
    // Owners open their cameras' pages from "my cameras", so the pages admit every camera role.
    pages: [
      { pattern: '/cameras', page: CameraListPage },
      { pattern: '/cameras/new', page: CameraEditPage },
      { pattern: '/cameras/:id', page: CameraDetailPage },
      { pattern: '/cameras/:id/edit', page: CameraEditPage },
      { pattern: '/cameras/:id/playback', page: PlaybackPage },
    ],
  },
  {
    path: '/mine',
    label: 'nav.mine',
    roles: ['camera_owner'],
    pages: [{ pattern: '/mine', page: MyCamerasPage }],
  },
  {
    path: '/my-requests',
    label: 'myRequests.nav',
    // Anyone signed in may own a camera; the menu item is shown to owners, the page to all.
    roles: ['camera_owner'],
    pages: [{ pattern: '/my-requests', page: MyRequestsPage }],
  },
  {
    path: '/incidents',
    label: 'incidents.nav',
    roles: incidentRoles,
    pages: [
      { pattern: '/incidents', page: IncidentListPage },
      { pattern: '/incidents/new', page: IncidentNewPage },
      { pattern: '/incidents/:id', page: IncidentPage },
    ],
  },
  {
    path: '/wall',
    label: 'wall.nav',
    roles: wallRoles,
    pages: [{ pattern: '/wall', page: WallPage }],
  },
  {
    path: '/import',
    label: 'nav.import',
    roles: registryRoles,
    pages: [{ pattern: '/import', page: ImportPage }],
  },
  {
    path: '/health',
    label: 'nav.health',
    roles: healthRoles,
    pages: [{ pattern: '/health', page: HealthPage }],
  },
  {
    path: '/audit',
    label: 'nav.audit',
    roles: auditRoles,
    pages: [{ pattern: '/audit', page: AuditPage }],
  },
  // Planning and funding come after the audit log so that auditors still land on it.
  {
    path: '/coverage',
    label: 'coverage.nav',
    roles: planningRoles,
    pages: [{ pattern: '/coverage', page: CoveragePage }],
  },
  {
    path: '/sites',
    label: 'sites.nav',
    roles: planningRoles,
    pages: [
      { pattern: '/sites', page: SitesPage },
      { pattern: '/sites/:id', page: SitePage },
    ],
  },
  {
    path: '/targets',
    label: 'targets.nav',
    roles: planningRoles,
    pages: [{ pattern: '/targets', page: TargetsPage }],
  },
  {
    path: '/campaigns',
    label: 'funding.nav',
    roles: fundingRoles,
    pages: [
      { pattern: '/campaigns', page: CampaignsPage },
      { pattern: '/campaigns/:id', page: CampaignPage },
    ],
  },
  {
    path: '/dashboard',
    label: 'analytics.nav',
    roles: analyticsRoles,
    pages: [{ pattern: '/dashboard', page: DashboardPage }],
  },
  { path: '/minh-bach', label: 'transparency.nav', pages: publicPages },
];

/** Where a role lands after login: the first section it may use. */
export function homePath(role: Role): string {
  if (role === 'camera_owner') return '/mine';
  return visibleSections(role)[0]?.path ?? '/map';
}

export function visibleSections(role: Role): Section[] {
  return sections.filter((section) => !section.roles || section.roles.includes(role));
}

/** The page for a path, whichever section it belongs to (`/cameras/new` before `/cameras/:id`). */
export function findPage(
  path: string,
  match: (pattern: string, path: string) => Record<string, string> | null,
) {
  for (const section of sections) {
    for (const entry of section.pages) {
      const params = match(entry.pattern, path);
      if (params) return { page: entry.page, params };
    }
  }
  return null;
}
