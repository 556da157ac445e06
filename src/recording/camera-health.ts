import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import type { HealthState } from './health';
import { appendHealth } from './health.repo';
import type { CameraTarget } from './recorder-settings';

export interface HealthNow {
  state: HealthState;
  error: string | null;
  sinceMs: number;
}

/**
 * One camera's health as the recorder sees it. A change is written to `camera_health_log` (the
 * 24-hour uptime reads it) and published as a `camera.health` event for the WebSocket; repeating
 * the same state and error (a camera that keeps refusing the password) writes nothing.
 */
export class HealthTracker {
  current: HealthNow = { state: 'offline', error: null, sinceMs: Date.now() };
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: AppContext,
    private readonly target: () => CameraTarget,
    private readonly logger: Logger,
  ) {}

  set(state: HealthState, error: string | null): Promise<void> {
    if (state === this.current.state && error === this.current.error) return this.writes;
    const now = Date.now();
    const sinceMs = state === this.current.state ? this.current.sinceMs : now;
    this.current = { state, error, sinceMs };
    const camera = this.target();
    const level =
      state === 'online' || state === 'connecting' || state === 'disabled' ? 'info' : 'warn';
    this.logger[level]({ camera: camera.code, state, error }, 'camera health');
    this.ctx.events.publish({
      type: 'camera.health',
      jurisdictionPath: camera.jurisdictionPath,
      ownerUserId: camera.ownerUserId,
      data: {
        cameraId: camera.id,
        code: camera.code,
        name: camera.name,
        state,
        lastError: error,
        since: new Date(sinceMs).toISOString(),
        recording: state !== 'disabled',
      },
    });
    this.writes = this.writes
      .then(() => appendHealth(this.ctx.db, { cameraId: camera.id, atMs: now, state, error }))
      .catch((failure: unknown) => {
        this.logger.error(
          { camera: camera.code, err: (failure as Error).message },
          'health not logged',
        );
      });
    return this.writes;
  }
}
