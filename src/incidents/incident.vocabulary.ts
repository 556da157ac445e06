// The incident domain's closed word lists. No imports, so the web app can share this file.

export const incidentTypes = [
  'theft',
  'snatch_robbery',
  'burglary',
  'robbery',
  'public_disorder',
  'traffic_accident',
  'other',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

export const incidentStatuses = ['open', 'investigating', 'solved', 'unsolved', 'closed'] as const;
export type IncidentStatusName = (typeof incidentStatuses)[number];

/** How footage helped solve a case; `none` says it did not. */
export const helpedByValues = ['suspect', 'vehicle', 'route', 'none'] as const;
export type HelpedBy = (typeof helpedByValues)[number];

export const isIncidentType = (value: string): value is IncidentType =>
  (incidentTypes as readonly string[]).includes(value);
export const isHelpedBy = (value: string): value is HelpedBy =>
  (helpedByValues as readonly string[]).includes(value);
