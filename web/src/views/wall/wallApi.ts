// Typed calls to the video wall API: the caller's saved layouts and what their tiles show.
import { api } from '../../api/client';
import type { Tiles, WallCamera, WallSize } from './wallLayout';

export interface WallLayout {
  id: string;
  name: string;
  size: WallSize;
  cameraIds: Tiles;
  createdAt: string;
  updatedAt: string;
}

export interface WallLayoutInput {
  name: string;
  size: WallSize;
  cameraIds: Tiles;
}

const layoutUrl = (id: string) => `/api/wall-layouts/${encodeURIComponent(id)}`;

export const wallApi = {
  layouts: () => api.get<{ items: WallLayout[] }>('/api/wall-layouts'),
  create: (input: WallLayoutInput) => api.post<WallLayout>('/api/wall-layouts', input),
  update: (id: string, input: WallLayoutInput) => api.put<WallLayout>(layoutUrl(id), input),
  remove: (id: string) => api.delete<{ ok: boolean }>(layoutUrl(id)),
  cameras: (ids: string[]) =>
    api.get<{ items: WallCamera[] }>('/api/wall/cameras', { ids: ids.join(',') }),
};
