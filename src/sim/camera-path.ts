// The paths simulated cameras answer on: `/cam-NNN` (main stream), `/cam-NNN/sub` (sub stream),
// and the same with `/trackID=N` for one track, as SETUP names it.

export type StreamName = 'main' | 'sub';

export interface CameraPath {
  /** 1-based camera number (`cam-001` is 1). */
  camera: number;
  stream: StreamName;
  /** The track a SETUP names, or null for the whole stream. */
  track: number | null;
}

export function cameraName(camera: number): string {
  return `cam-${String(camera).padStart(3, '0')}`;
}

/** Reads the camera, stream and track from a request URL (absolute, or a bare path). */
export function parseCameraPath(url: string): CameraPath | null {
  let path: string;
  try {
    path = url.startsWith('/') ? url : new URL(url).pathname;
  } catch (error) {
    if (error instanceof TypeError) return null; // not a URL at all
    throw error;
  }
  const parts = path
    .split('?')[0]!
    .split('/')
    .filter((part) => part !== '');
  const camera = /^cam-(\d{1,6})$/.exec(parts[0] ?? '');
  if (!camera) return null;
  let rest = parts.slice(1);
  let stream: StreamName = 'main';
  if (rest[0] === 'sub') {
    stream = 'sub';
    rest = rest.slice(1);
  }
  let track: number | null = null;
  if (rest.length > 0) {
    const named = /^trackID=(\d{1,2})$/.exec(rest[0] ?? '');
    if (!named || rest.length > 1) return null;
    track = Number(named[1]);
  }
  return { camera: Number(camera[1]), stream, track };
}

/** A request URL without credentials, query or track, ending in `/`: the Content-Base. */
export function contentBase(url: string, path: CameraPath): string {
  const origin = /^(rtsps?:\/\/)(?:[^@/]*@)?([^/]+)/i.exec(url);
  const streamPath = `/${cameraName(path.camera)}${path.stream === 'sub' ? '/sub' : ''}/`;
  return origin ? `${origin[1]}${origin[2]}${streamPath}` : streamPath;
}
