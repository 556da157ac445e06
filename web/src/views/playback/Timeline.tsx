import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import '../../styles/playback.css';
import type { TimelineData } from './playbackApi';
import { drawTimeline, timelineColours } from './timelineDraw';
import { formatClock, formatSpan } from './timeFormat';
import { zoomView, type View } from './timeMath';

interface TimelineProps {
  view: View;
  data: TimelineData | undefined;
  cursorMs: number | null;
  onSeek: (ms: number) => void;
  /** Absent on the compact strip, which neither pans nor zooms. */
  onViewChange?: (view: View) => void;
  compact?: boolean;
}

interface Gesture {
  pointers: Map<number, number>;
  startX: number;
  startView: View;
  startDistance: number | null;
  moved: boolean;
}

/** A drag shorter than this is a click (a seek), not a pan. */
const clickSlopPx = 4;

/**
 * The zoomable timeline: a month down to seconds. Drag to pan, wheel or pinch to zoom, click or
 * tap to jump there; arrow keys step and +/− zoom for keyboard users.
 */
export function Timeline({
  view,
  data,
  cursorMs,
  onSeek,
  onViewChange,
  compact = false,
}: TimelineProps) {
  const t = useT();
  const { language } = useLanguage();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(600);
  const gesture = useRef<Gesture | null>(null);
  const height = compact ? 40 : 64;
  const viewRef = useRef(view);
  const changeRef = useRef(onViewChange);
  useEffect(() => {
    viewRef.current = view;
    changeRef.current = onViewChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(100, Math.round(entry.contentRect.width)));
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawTimeline(context, { width, height, view, data, cursorMs, language, compact });
  }, [width, height, view, data, cursorMs, language, compact]);

  // The wheel zooms the timeline, not the page: that needs a listener that is not passive.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || compact) return;
    const onWheel = (event: WheelEvent) => {
      const change = changeRef.current;
      if (!change) return;
      event.preventDefault();
      const current = viewRef.current;
      const box = canvas.getBoundingClientRect();
      const anchor =
        current.startMs +
        ((event.clientX - box.left) / box.width) * (current.endMs - current.startMs);
      change(zoomView(current, event.deltaY > 0 ? 1.25 : 0.8, anchor));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [compact]);

  const msAt = (clientX: number) => {
    const box = canvasRef.current?.getBoundingClientRect();
    if (!box) return view.startMs;
    return view.startMs + ((clientX - box.left) / box.width) * (view.endMs - view.startMs);
  };

  const distance = (pointers: Map<number, number>) => {
    const [a, b] = [...pointers.values()];
    return a !== undefined && b !== undefined ? Math.abs(a - b) : null;
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    const pointers = gesture.current?.pointers ?? new Map<number, number>();
    pointers.set(event.pointerId, event.clientX);
    gesture.current = {
      pointers,
      startX: event.clientX,
      startView: view,
      startDistance: distance(pointers),
      moved: pointers.size > 1,
    };
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = gesture.current;
    if (!current?.pointers.has(event.pointerId) || !onViewChange || compact) return;
    current.pointers.set(event.pointerId, event.clientX);
    const box = event.currentTarget.getBoundingClientRect();
    const span = current.startView.endMs - current.startView.startMs;
    const spread = distance(current.pointers);
    if (spread !== null && current.startDistance) {
      // Pinch: the fingers' spread scales the span around their midpoint.
      const values = [...current.pointers.values()];
      const mid = (values[0]! + values[1]!) / 2;
      const anchor = current.startView.startMs + ((mid - box.left) / box.width) * span;
      onViewChange(
        zoomView(current.startView, current.startDistance / Math.max(1, spread), anchor),
      );
      return;
    }
    const dx = event.clientX - current.startX;
    if (Math.abs(dx) < clickSlopPx && !current.moved) return;
    current.moved = true;
    const shift = (dx / box.width) * span;
    onViewChange({
      startMs: current.startView.startMs - shift,
      endMs: current.startView.endMs - shift,
    });
  };

  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = gesture.current;
    if (!current) return;
    current.pointers.delete(event.pointerId);
    if (current.pointers.size === 0) {
      if (!current.moved) onSeek(msAt(event.clientX));
      gesture.current = null;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const span = view.endMs - view.startMs;
    const base = cursorMs ?? (view.startMs + view.endMs) / 2;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onSeek(base + (event.key === 'ArrowLeft' ? -1 : 1) * (span / 20));
    } else if ((event.key === '+' || event.key === '=') && onViewChange) {
      onViewChange(zoomView(view, 0.5, base));
    } else if (event.key === '-' && onViewChange) {
      onViewChange(zoomView(view, 2, base));
    }
  };

  return (
    <div className={`playback-timeline${compact ? ' playback-timeline--compact' : ''}`}>
      <canvas
        ref={canvasRef}
        className="playback-timeline-canvas"
        data-testid="playback-timeline"
        data-view-start={new Date(view.startMs).toISOString()}
        data-view-end={new Date(view.endMs).toISOString()}
        data-loaded={data ? 'true' : 'false'}
        style={{ height }}
        tabIndex={0}
        role="slider"
        aria-label={t('playback.timeline')}
        aria-valuemin={view.startMs}
        aria-valuemax={view.endMs}
        aria-valuenow={cursorMs ?? view.startMs}
        aria-valuetext={cursorMs === null ? '' : formatClock(cursorMs, language)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (gesture.current = null)}
        onKeyDown={onKeyDown}
      />
      {compact ? null : (
        <p className="playback-timeline-legend">
          <span className="muted">
            {t('playback.span', { span: formatSpan(view.endMs - view.startMs, t) })}
          </span>
          {(
            [
              ['recorded', 'playback.legend.recorded'],
              ['gap', 'playback.legend.gap'],
              ['missing', 'playback.legend.missing'],
              ['hold', 'playback.legend.hold'],
              ['cursor', 'playback.legend.cursor'],
            ] as const
          ).map(([colour, label]) => (
            <span key={colour} className="playback-legend-item">
              <i style={{ background: timelineColours[colour] }} aria-hidden="true" />
              {t(label)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
