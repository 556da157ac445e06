// Typed calls to the recording API: health of each camera's recorder, its segments and gaps,
// holds on footage, and the media store's figures.
import { api } from './client';

export const recordingStates = [
  'online',
  'connecting',
  'offline',
  'auth_failed',
  'error',
  'disabled',
] as const;
export type RecordingState = (typeof recordingStates)[number];
export const isRecordingState = (value: unknown): value is RecordingState =>
  typeof value === 'string' && (recordingStates as readonly string[]).includes(value);

/** One camera's recorder as the API reports it. */
export interface RecordingStatus {
  cameraId: string;
  code: string;
  name: string;
  state: RecordingState;
  lastError: string | null;
  /** When the camera entered this state (ISO), if known. */
  since: string | null;
  uptimePct24h: number | null;
  bitrateKbps: number | null;
  fps: number | null;
  /** Whether recording is switched on for the camera. */
  recording: boolean;
  /** Whether the caller may switch recording on or off. */
  canControl: boolean;
}

export interface Segment {
  id: string;
  startAt: string;
  endAt: string;
  durationMs: number;
  bytes: number;
  codec: string | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  state: 'ok' | 'missing';
}

export interface RecordingGap {
  startAt: string;
  /** Null while the gap is still open: the camera has not come back yet. */
  endAt: string | null;
  reason: string;
}

export interface SegmentList {
  items: Segment[];
  gaps: RecordingGap[];
}

export interface CameraStorage {
  cameraId: string;
  code: string;
  bytes: number;
  segments: number;
  oldestAt: string | null;
  retentionDays: number;
}

export interface RetentionRun {
  at: string;
  deletedSegments: number;
  deletedBytes: number;
  /** What deleted footage (`age`, `quota`, `low_disk`), comma-separated, or `none`. */
  reason: string;
  /** What started the run (`start`, `timer`, `low_disk`, `quota`, `manual`). */
  trigger?: string | null;
  warnings?: string[];
}

export interface StorageFigures {
  /** `all` for an admin; `jurisdiction` when the figures cover the caller's area only. */
  scope?: 'all' | 'jurisdiction';
  totalBytes: number;
  segmentCount: number;
  heldBytes: number;
  quotaBytes: number;
  /** Footage of every camera, which is what the quota counts. */
  quotaUsedBytes?: number;
  minFreeBytes: number;
  /** Conditions an operator should know about (over quota, disk low), in the server's words. */
  warnings?: string[];
  disk: { freeBytes: number; totalBytes: number } | null;
  oldestSegmentAt: string | null;
  perCamera: CameraStorage[];
  lastRetention: RetentionRun | null;
}

export interface Hold {
  id: string;
  cameraId: string;
  cameraCode: string;
  from: string;
  to: string;
  reason: string;
  createdBy: string | null;
  createdByUsername: string | null;
  createdAt: string;
  releasedAt: string | null;
  releasedByUsername: string | null;
  active: boolean;
}

const cameraPath = (id: string, rest: string) => `/api/cameras/${encodeURIComponent(id)}/${rest}`;

export const recording = {
  /** Every camera with a stream in the caller's area (the server's largest page). */
  status: () => api.get<{ items: RecordingStatus[] }>('/api/recording/status', { limit: 5000 }),
  get: (cameraId: string) => api.get<RecordingStatus>(cameraPath(cameraId, 'recording')),
  /** Starts or stops recording; the reason goes to the audit log. */
  set: (cameraId: string, enabled: boolean, reason: string) =>
    api.post<RecordingStatus>(cameraPath(cameraId, 'recording'), { enabled, reason }),
  segments: (cameraId: string, from: string, to: string) =>
    api.get<SegmentList>(cameraPath(cameraId, 'segments'), { from, to }),
  storage: () => api.get<StorageFigures>('/api/storage'),
  holds: (cameraId: string) => api.get<{ items: Hold[] }>('/api/holds', { cameraId }),
};
