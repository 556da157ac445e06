import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startTcpProxy, type LinkFault } from './tcp-proxy';

const script = fileURLToPath(new URL('./gst_rtsp_server.py', import.meta.url));
/** The interpreter with the GObject bindings (a `python3` on PATH may be another one). */
export const gstPython = '/usr/bin/python3';

export interface GstRtsp {
  /** The stream through a relay that can fail on demand; `password` overrides the real one. */
  url(options?: { password?: string }): string;
  /** Connection attempts that reached the relay. */
  connections(): number;
  fault(kind: LinkFault): void;
  close(): Promise<void>;
}

/**
 * GStreamer's RTSP server (an implementation the project did not write) serving a live 640×360
 * 25 fps H.264 test pattern on a free port, optionally with G.711 audio and Digest authentication.
 */
export async function startGstRtsp(
  options: { user?: string; password?: string; audio?: 'alaw'; startTimeoutMs?: number } = {},
): Promise<GstRtsp> {
  const args = [script];
  if (options.user) args.push('--user', options.user, '--password', options.password ?? '');
  if (options.audio) args.push('--audio', options.audio);
  const child = spawn(gstPython, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`GStreamer RTSP server did not start: ${stderr.join('')}`));
    }, options.startTimeoutMs ?? 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /^READY (\d+)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`GStreamer RTSP server exited (${code}): ${stderr.join('')}`));
    });
  });
  const proxy = await startTcpProxy(port);
  return {
    url({ password } = {}) {
      const user = options.user
        ? `${encodeURIComponent(options.user)}:${encodeURIComponent(password ?? options.password ?? '')}@`
        : '';
      return `rtsp://${user}127.0.0.1:${proxy.port}/test`;
    },
    connections: () => proxy.connections(),
    fault: (kind) => proxy.fault(kind),
    async close() {
      await proxy.close();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
