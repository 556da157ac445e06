import { DEMO_SIM_CAMERAS, DEMO_SIM_CREDENTIALS } from '../demo/demo-camera-kit';
import type { AppContext } from '../platform/context';
import { startSimulator, type Simulator } from './rtsp-server';

/**
 * The simulated cameras behind the demo data (`serve --demo`): every `cam-NNN` the demo's
 * stream URLs name, on loopback at `simPort` with the demo credentials. Start it before the
 * recorder, so the demo cameras with recording on are online from the first second.
 */
export function startDemoCameras(
  ctx: AppContext,
  options: { clipDir?: string; log?: (line: string) => void } = {},
): Promise<Simulator> {
  return startSimulator({
    port: ctx.config.simPort,
    host: '127.0.0.1',
    cameras: DEMO_SIM_CAMERAS,
    credentials: { ...DEMO_SIM_CREDENTIALS },
    ...options,
  });
}
