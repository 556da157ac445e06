// The registry's closed word lists. No imports, so the web app shares this file with the server.

export const ownerKinds = [
  'ward',
  'residential_group',
  'household',
  'business',
  'school',
  'agency',
] as const;
export type OwnerKind = (typeof ownerKinds)[number];
export const cameraStatuses = [
  'planned',
  'installed',
  'online',
  'offline',
  'decommissioned',
] as const;
export type CameraStatus = (typeof cameraStatuses)[number];
export const consentTiers = [
  'registry_only',
  'on_request',
  'live_on_alarm',
  'live_always',
] as const;
export type ConsentTier = (typeof consentTiers)[number];
