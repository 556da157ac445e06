// Typed calls to the live API besides the socket: who may watch, alarms and their grants.
import { api } from '../../api/client';
import type { LiveStream } from './liveProtocol';

export interface LiveAccess {
  allowed: boolean;
  reasonRequired: boolean;
  /** The server's reason for a refusal (consent tier, area, role). */
  message: string | null;
  streams: { main: boolean; sub: boolean };
  /** When the active alarm or incident grant ends (ISO), if one is active. */
  grantedUntil: string | null;
  viewers: number;
}

export interface LiveGrant {
  id: string;
  cameraId: string;
  source: 'alarm' | 'incident';
  sourceId: string | null;
  from: string;
  to: string;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

const base = (cameraId: string) => `/api/cameras/${encodeURIComponent(cameraId)}`;

export const liveApi = {
  access: (cameraId: string, stream: LiveStream) =>
    api.get<LiveAccess>(`${base(cameraId)}/live/access`, { stream }),
  grants: (cameraId: string) => api.get<{ items: LiveGrant[] }>(`${base(cameraId)}/live-grants`),
  raiseAlarm: (cameraId: string, minutes: number, note: string) =>
    api.post<{ grant: LiveGrant; opensLiveView: boolean }>(`${base(cameraId)}/alarms`, {
      minutes,
      note,
    }),
};

/** The snapshot's address, for `<img src>` thumbnails (the reason goes along when required). */
export function snapshotUrl(cameraId: string, reason: string | null): string {
  const query = reason ? `?reason=${encodeURIComponent(reason)}` : '';
  return `${base(cameraId)}/snapshot.jpg${query}`;
}
