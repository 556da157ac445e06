// The timeline data around the visible span: fetched for the view widened by half on each
// side and snapped, so small pans and zooms reuse the same answer. Earlier data stays on
// screen while a new span loads.
import { useMemo } from 'react';
import { useDebounced, useResource, type Resource } from '../../hooks/useResource';
import { playbackApi, type TimelineData } from './playbackApi';
import { maxSpanMs, type View } from './timeMath';

function fetchSpan(view: View): View {
  const span = view.endMs - view.startMs;
  const margin = Math.min(span / 2, (maxSpanMs - span) / 2);
  const snap = Math.max(1000, Math.round(span / 8));
  const startMs = Math.floor((view.startMs - margin) / snap) * snap;
  const endMs = Math.min(startMs + maxSpanMs, Math.ceil((view.endMs + margin) / snap) * snap);
  return { startMs, endMs };
}

export function useTimelineData(
  cameraId: string,
  view: View,
  refreshKey = '',
): Resource<TimelineData> {
  const settled = useDebounced(view, 200);
  const span = useMemo(() => fetchSpan(settled), [settled]);
  return useResource(
    () => playbackApi.timeline(cameraId, span.startMs, span.endMs),
    `${cameraId}:${span.startMs}:${span.endMs}:${refreshKey}`,
  );
}
