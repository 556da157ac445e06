import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { startGstRtsp } from './gst-rtsp';
import { startTcpProxy } from './tcp-proxy';

/** Faults every test source can produce. */
export type SourceFault = 'drop' | 'stall' | 'recover';
export type SourceKind = 'gstreamer' | 'simulator';

/** A camera for the recording tests, served by one of two RTSP servers. */
export interface RtspSource {
  kind: SourceKind;
  /** Size and audio of the main stream. */
  width: number;
  height: number;
  hasAudio: boolean;
  /** The camera's URL; `password` replaces the right one (to test a refused login). */
  url(options?: { password?: string }): string;
  /** TCP connections the recorder opened to the camera. */
  connections(): number;
  fault(kind: SourceFault): void;
  /** The simulator itself, for the faults only it can make (garbage, refuse). */
  simulator?: Simulator;
  close(): Promise<void>;
}

export const sourceCredentials = { username: 'viewer', password: 'cam-Secret-77' };

/** GStreamer's RTSP server, with faults made by a relay in front of it. */
async function gstreamer(): Promise<RtspSource> {
  const server = await startGstRtsp({
    user: sourceCredentials.username,
    password: sourceCredentials.password,
  });
  return {
    kind: 'gstreamer',
    width: 640,
    height: 360,
    hasAudio: false,
    url: (options) => server.url(options),
    connections: () => server.connections(),
    fault: (kind) => server.fault(kind),
    close: () => server.close(),
  };
}

/** The project's simulated camera, with its own faults; a relay only counts connections. */
async function simulator(): Promise<RtspSource> {
  const sim = await startSimulator({ port: 0, cameras: 1, credentials: sourceCredentials });
  const relay = await startTcpProxy(sim.port, sim.host);
  return {
    kind: 'simulator',
    width: 1280,
    height: 720,
    hasAudio: true,
    url({ password } = {}) {
      const user = encodeURIComponent(sourceCredentials.username);
      const secret = encodeURIComponent(password ?? sourceCredentials.password);
      return `rtsp://${user}:${secret}@127.0.0.1:${relay.port}/cam-001`;
    },
    connections: () => relay.connections(),
    fault: (kind) => sim.fault(1, kind),
    simulator: sim,
    async close() {
      await relay.close();
      await sim.close();
    },
  };
}

export function openSource(kind: SourceKind): Promise<RtspSource> {
  return kind === 'gstreamer' ? gstreamer() : simulator();
}
