// Small current pictures of the cameras in a list. The end-to-end suites treat every console
// error as a failure, and Chromium logs each refused or missing image as one, so a picture is
// asked for only after one batch question per page (`GET /api/wall/cameras`) said the caller may
// see it live and the recorder says the camera is online. Everything else shows a placeholder
// with the reason, and a picture that someone else's camera would show waits for the session's
// view reason, asked once from the list's header.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { api, withQuery } from '../../api/client';
import type { RecordingState, RecordingStatus } from '../../api/recording';
import { useMe } from '../../hooks/session';
import { useResource } from '../../hooks/useResource';
import { useViewReason } from '../../hooks/useViewReason';
import { useT, type MessageKey } from '../../i18n/i18n';
import '../../styles/thumbnail.css';
import { wallRoles, type WallCamera } from '../wall/wallLayout';

/** How often a picture on screen is fetched again; the server keeps one for 5 s anyway. */
export const thumbnailRefreshMs = 30_000;
/** The most ids `GET /api/wall/cameras` answers at once. */
const maxIdsPerQuery = 100;

interface ThumbnailAccess extends WallCamera {
  reasonRequired: boolean;
}

/** What one row shows: a picture to load (with the reason to send, if any) or a placeholder. */
export type ThumbnailPlan =
  | { kind: 'load'; url: string }
  | { kind: 'placeholder'; why: 'checking' | 'denied' | 'noStream' | 'needsReason' }
  | { kind: 'placeholder'; why: 'state'; state: RecordingState };

function planFor(
  cameraId: string,
  access: ReadonlyMap<string, ThumbnailAccess> | undefined,
  health: Record<string, RecordingStatus> | undefined,
  reason: string | null,
): ThumbnailPlan {
  if (!access || !health) return { kind: 'placeholder', why: 'checking' };
  const camera = access.get(cameraId);
  if (!camera || camera.live !== 'allowed') return { kind: 'placeholder', why: 'denied' };
  const recorder = health[cameraId];
  if (!recorder) return { kind: 'placeholder', why: 'noStream' };
  if (recorder.state !== 'online')
    return { kind: 'placeholder', why: 'state', state: recorder.state };
  if (camera.reasonRequired && !reason) return { kind: 'placeholder', why: 'needsReason' };
  const path = `/api/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg`;
  return { kind: 'load', url: camera.reasonRequired ? withQuery(path, { reason }) : path };
}

export interface Thumbnails {
  /** False for roles that cannot watch live: the list then has no picture column. */
  enabled: boolean;
  plans: Record<string, ThumbnailPlan>;
  /** Some row waits for the session's view reason: the header offers to give it. */
  needsReason: boolean;
  askReason: () => void;
}

/** Plans the pictures of one page of cameras with a single access question. */
export function useThumbnails(
  cameraIds: readonly string[],
  health: Record<string, RecordingStatus> | undefined,
): Thumbnails {
  const me = useMe();
  const { reason, requestReason } = useViewReason();
  const enabled = wallRoles.includes(me.role);
  const asked = cameraIds.slice(0, maxIdsPerQuery);
  const key = enabled && asked.length > 0 ? `thumbnails:${asked.join(',')}` : null;
  const loaded = useResource(
    () => api.get<{ items: ThumbnailAccess[] }>('/api/wall/cameras', { ids: asked.join(',') }),
    key,
  );
  // A new page's cameras are "checking" until its own answer arrives, not judged by the last page's.
  const items = loaded.loading ? undefined : loaded.data?.items;
  const access = useMemo(
    () => (items ? new Map(items.map((item) => [item.id, item])) : undefined),
    [items],
  );
  const plans = useMemo(() => {
    const all: Record<string, ThumbnailPlan> = {};
    for (const id of cameraIds) all[id] = planFor(id, access, health, reason);
    return all;
  }, [cameraIds, access, health, reason]);
  return {
    enabled,
    plans,
    needsReason: Object.values(plans).some(
      (plan) => plan.kind === 'placeholder' && plan.why === 'needsReason',
    ),
    askReason: () => void requestReason(),
  };
}

/** The "show pictures" button for a list header, there only while a reason is missing. */
export function ThumbnailReasonButton({ thumbnails }: { thumbnails: Thumbnails }) {
  const t = useT();
  if (!thumbnails.needsReason) return null;
  return (
    <button
      type="button"
      className="thumbnail-reason"
      data-testid="thumbnail-reason"
      onClick={thumbnails.askReason}
    >
      {t('live.thumbnail.show')}
    </button>
  );
}

/** Whether the element is on screen (or near it), so rows below the fold cost nothing. */
function useOnScreen<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => setVisible(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: '100px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, visible];
}

type Picture = { status: 'none' } | { status: 'shown'; src: string } | { status: 'failed' };

/** Fetches the picture while on screen and every `thumbnailRefreshMs`; object URLs are revoked. */
function usePicture(url: string | null, visible: boolean): Picture {
  const [picture, setPicture] = useState<Picture>({ status: 'none' });
  const shown = useRef<string | null>(null);
  const failedUrl = useRef<string | null>(null);

  useEffect(() => {
    if (url === null || !visible || failedUrl.current === url) return;
    const controller = new AbortController();
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const response = await fetch(url, {
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`snapshot ${response.status}`);
        const src = URL.createObjectURL(await response.blob());
        if (shown.current) URL.revokeObjectURL(shown.current);
        shown.current = src;
        setPicture({ status: 'shown', src });
      } catch {
        // Aborted: scrolled away or unmounted, nothing to show.
        if (controller.signal.aborted) return;
        // Lost a race (camera went offline, no picture yet): the placeholder stays, and this
        // address is not asked again, since the browser logs each refusal as an error.
        failedUrl.current = url;
        setPicture({ status: 'failed' });
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), thumbnailRefreshMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [url, visible]);

  useEffect(
    () => () => {
      if (shown.current) URL.revokeObjectURL(shown.current);
    },
    [],
  );
  return url === null ? { status: 'none' } : picture;
}

function placeholderText(plan: ThumbnailPlan): MessageKey | null {
  if (plan.kind === 'load') return null;
  switch (plan.why) {
    case 'checking':
      return 'live.thumbnail.checking';
    case 'denied':
      return 'live.thumbnail.denied';
    case 'noStream':
      return 'live.thumbnail.noStream';
    case 'needsReason':
      return 'live.thumbnail.needsReason';
    case 'state':
      return `health.${plan.state}`;
  }
}

/** A 16:9 picture of the camera, or a neutral placeholder saying why there is none. */
export function CameraThumbnail({ plan, name }: { plan: ThumbnailPlan | undefined; name: string }) {
  const t = useT();
  const [ref, visible] = useOnScreen<HTMLDivElement>();
  const current = plan ?? { kind: 'placeholder', why: 'checking' };
  const picture = usePicture(current.kind === 'load' ? current.url : null, visible);
  const text = placeholderText(current);
  const state =
    picture.status === 'shown' || picture.status === 'failed'
      ? picture.status
      : current.kind === 'load'
        ? 'loading'
        : current.why;
  return (
    <div
      ref={ref}
      className="camera-thumbnail"
      data-testid="camera-thumbnail"
      data-thumbnail={state}
    >
      {picture.status === 'shown' ? (
        <img src={picture.src} alt={t('live.thumbnail.alt', { name })} />
      ) : (
        <span className="camera-thumbnail__placeholder">
          {text
            ? t(text)
            : t(picture.status === 'failed' ? 'live.thumbnail.none' : 'live.thumbnail.checking')}
        </span>
      )}
    </div>
  );
}
