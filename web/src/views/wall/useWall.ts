// The wall being looked at (saved or not), the user's saved layouts, and the actions the
// toolbar offers. The last layout opened is remembered per user in this browser.
import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { useMe } from '../../hooks/session';
import { useResource } from '../../hooks/useResource';
import { wallApi, type WallLayout } from './wallApi';
import {
  clearTile,
  emptyTiles,
  lastLayoutKey,
  nextTile,
  placeCamera,
  resizeTiles,
  sameTiles,
  type Tiles,
  type WallSize,
} from './wallLayout';

export interface WallDraft {
  /** The saved layout this wall came from; null for a wall not saved yet. */
  layoutId: string | null;
  name: string;
  size: WallSize;
  tiles: Tiles;
}

const blankDraft: WallDraft = { layoutId: null, name: '', size: 4, tiles: emptyTiles(4) };

const draftOf = (layout: WallLayout): WallDraft => ({
  layoutId: layout.id,
  name: layout.name,
  size: layout.size,
  tiles: layout.cameraIds,
});

function readLast(userId: string): string | null {
  try {
    return window.localStorage.getItem(lastLayoutKey(userId));
  } catch {
    // Without storage the wall opens on the first saved layout instead.
    return null;
  }
}

function writeLast(userId: string, layoutId: string | null): void {
  try {
    if (layoutId) window.localStorage.setItem(lastLayoutKey(userId), layoutId);
    else window.localStorage.removeItem(lastLayoutKey(userId));
  } catch {
    document.documentElement.dataset.wallLayoutNotRemembered = 'true';
  }
}

export function useWall() {
  const me = useMe();
  const saved = useResource(() => wallApi.layouts(), `wall-layouts:${me.id}`);
  const layouts = saved.data?.items;
  const [draft, setDraft] = useState<WallDraft>(blankDraft);
  const [restored, setRestored] = useState(false);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Once the saved layouts arrive, reopen the one used last (state set during render, not in
  // an effect, so the first painted wall is already the right one).
  if (!restored && (layouts || saved.error)) {
    setRestored(true);
    const lastId = readLast(me.id);
    const last = layouts?.find((layout) => layout.id === lastId);
    if (last) setDraft(draftOf(last));
  }

  const current = layouts?.find((layout) => layout.id === draft.layoutId);
  const dirty =
    !current ||
    current.name !== draft.name ||
    current.size !== draft.size ||
    !sameTiles(current.cameraIds, draft.tiles);

  const open = useCallback(
    (layoutId: string | null) => {
      const layout = layouts?.find((candidate) => candidate.id === layoutId);
      setDraft(layout ? draftOf(layout) : blankDraft);
      setSelected(0);
      setError(null);
      writeLast(me.id, layout?.id ?? null);
    },
    [layouts, me.id],
  );

  const setSize = (size: WallSize) => {
    setDraft((d) => ({ ...d, size, tiles: resizeTiles(d.tiles, size) }));
    setSelected((index) => Math.min(index, size - 1));
  };

  const place = (cameraId: string) => {
    const tiles = placeCamera(draft.tiles, selected, cameraId);
    setDraft({ ...draft, tiles });
    // Filling a wall camera by camera: the next empty tile is selected for the next pick.
    setSelected(nextTile(tiles, selected));
  };

  const clear = (index: number) => setDraft((d) => ({ ...d, tiles: clearTile(d.tiles, index) }));

  /** Runs a save or delete, then reloads the list; the returned layout becomes the wall. */
  const run = async (action: () => Promise<WallLayout | null>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const layout = await action();
      if (layout) setDraft(draftOf(layout));
      writeLast(me.id, layout?.id ?? null);
      saved.reload();
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const input = (name: string) => ({ name, size: draft.size, cameraIds: draft.tiles });
  const save = () =>
    draft.layoutId
      ? run(() => wallApi.update(draft.layoutId ?? '', input(draft.name)))
      : Promise.resolve(false);
  const saveAs = (name: string) => run(() => wallApi.create(input(name)));
  const rename = (name: string) =>
    draft.layoutId
      ? run(() => wallApi.update(draft.layoutId ?? '', input(name)))
      : Promise.resolve(false);
  const remove = () =>
    run(async () => {
      if (draft.layoutId) await wallApi.remove(draft.layoutId);
      // The cameras stay on screen as an unsaved wall, so a mistaken delete can be saved again.
      setDraft((d) => ({ ...d, layoutId: null, name: '' }));
      return null;
    });

  return {
    layouts,
    loadError: saved.error,
    draft,
    dirty,
    selected,
    setSelected,
    busy,
    error,
    open,
    setSize,
    place,
    clear,
    save,
    saveAs,
    rename,
    remove,
  };
}

export type Wall = ReturnType<typeof useWall>;
