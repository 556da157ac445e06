// Typed calls to footage requests (police ask an owner for a window of footage; the owner
// approves, declines or uploads) and to the in-app notifications that announce them.
import { ApiError, withQuery } from './client';
import { api } from './client';
import type { EvidenceItem } from './evidence';

export const requestStatuses = [
  'pending',
  'approved',
  'declined',
  'fulfilled',
  'cancelled',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export interface FootageRequest {
  id: string;
  incidentId: string;
  caseNumber: string;
  cameraId: string;
  cameraCode: string;
  cameraName: string;
  address: string | null;
  ownerUserId: string | null;
  from: string;
  to: string;
  reason: string;
  deadline: string;
  status: RequestStatus;
  declineReason: string | null;
  decidedAt: string | null;
  extraction: 'pending' | 'done' | 'failed' | null;
  extractionError: string | null;
  itemIds: string[];
  createdAt: string;
  createdByName: string | null;
  recordedByUs: boolean;
}

export interface RequestInput {
  cameraIds: string[];
  from?: string;
  to?: string;
  reason: string;
  deadline: string;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const requestPath = (id: string, rest = '') =>
  `/api/footage-requests/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;

export const footageRequests = {
  create: (incidentId: string, input: RequestInput) =>
    api.post<{ items: FootageRequest[] }>(
      `/api/incidents/${encodeURIComponent(incidentId)}/requests`,
      input,
    ),
  forIncident: (incidentId: string) =>
    api.get<{ items: FootageRequest[] }>(
      `/api/incidents/${encodeURIComponent(incidentId)}/requests`,
    ),
  mine: (status?: RequestStatus | '') =>
    api.get<{ items: FootageRequest[] }>('/api/my/requests', { status }),
  get: (id: string) => api.get<FootageRequest>(requestPath(id)),
  approve: (id: string) => api.post<FootageRequest>(requestPath(id, 'approve')),
  decline: (id: string, reason: string) =>
    api.post<FootageRequest>(requestPath(id, 'decline'), { reason }),
  cancel: (id: string, reason: string) =>
    api.post<FootageRequest>(requestPath(id, 'cancel'), { reason }),
  uploadUrl: (id: string, fileName: string) => withQuery(requestPath(id, 'upload'), { fileName }),
};

export interface UploadResult {
  request: FootageRequest;
  item: EvidenceItem;
}

/** The server's error, whatever shape the body of a failed upload has. */
function uploadError(status: number, text: string): ApiError {
  try {
    const payload = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof payload.error?.code === 'string' ? payload.error.code : `http_${status}`;
    const message = typeof payload.error?.message === 'string' ? payload.error.message : code;
    return new ApiError(status, code, message);
  } catch {
    // A proxy's HTML page or an empty body: the status is all there is to say.
    return new ApiError(status, `http_${status}`, text.slice(0, 200) || `HTTP ${status}`);
  }
}

/**
 * Sends a file as the raw request body. XMLHttpRequest rather than fetch, because only it
 * reports upload progress, and a recorder's export over a phone connection takes minutes.
 */
export function uploadFootage(
  id: string,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('PUT', footageRequests.uploadUrl(id, file.name));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(
      'content-type',
      file.type.startsWith('video/') ? file.type : 'application/octet-stream',
    );
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadResult);
        } catch {
          reject(new ApiError(xhr.status, 'client', 'the server answered with no JSON'));
        }
      } else reject(uploadError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'upload cancelled'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

export const notifications = {
  list: (unreadOnly: boolean) =>
    api.get<{ items: Notification[]; unread: number }>('/api/notifications', {
      unread: unreadOnly ? 'true' : undefined,
    }),
  read: (id: string) => api.post<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<unknown>('/api/notifications/read-all'),
};
