import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ffmpegBinary, ffprobeBinary } from '../../src/platform/ffmpeg';

// Real RTSP clients (ffmpeg and ffprobe) for the simulator's tests: each run is bounded in time,
// and every child still running when a test ends is killed by `stopClients()`.

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Client {
  child: ChildProcess;
  exited: Promise<RunResult>;
}

const running = new Set<ChildProcess>();

function start(binary: string, args: string[], timeoutMs: number): Client {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<RunResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, exited };
}

export const ffmpeg = (args: string[], timeoutMs = 20_000): Client =>
  start(ffmpegBinary(), ['-hide_banner', '-nostdin', ...args], timeoutMs);

export const ffprobe = (args: string[], timeoutMs = 15_000): Promise<RunResult> =>
  start(ffprobeBinary(), ['-hide_banner', ...args], timeoutMs).exited;

interface ProbedStream {
  codec_name: string;
  codec_type: string;
  width?: number;
  height?: number;
  sample_rate?: string;
}

/** The streams ffprobe finds at an RTSP URL over TCP, or the failed run. */
export async function probeRtsp(
  url: string,
  transport: 'tcp' | 'udp' = 'tcp',
): Promise<{ streams: ProbedStream[] } & RunResult> {
  const result = await ffprobe([
    ...['-v', 'error', '-rtsp_transport', transport, '-timeout', '5000000'],
    ...['-show_entries', 'stream=codec_name,codec_type,width,height,sample_rate'],
    ...['-of', 'json', url],
  ]);
  const streams =
    result.code === 0 ? (JSON.parse(result.stdout) as { streams: ProbedStream[] }).streams : [];
  return { ...result, streams };
}

export async function probeFile(path: string): Promise<{ duration: number; codecs: string[] }> {
  const result = await ffprobe([
    ...['-v', 'error', '-show_entries', 'format=duration:stream=codec_name'],
    ...['-of', 'json', path],
  ]);
  if (result.code !== 0) throw new Error(`ffprobe ${path}: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as {
    format: { duration: string };
    streams: { codec_name: string }[];
  };
  return {
    duration: Number(parsed.format.duration),
    codecs: parsed.streams.map((s) => s.codec_name),
  };
}

/** An ffmpeg that reads a camera over TCP and throws the packets away, as long as it can. */
export function watch(url: string, seconds = 60): Client {
  return ffmpeg(
    [
      ...['-loglevel', 'error', '-rtsp_transport', 'tcp', '-timeout', '2000000', '-i', url],
      ...['-t', String(seconds), '-c', 'copy', '-f', 'null', '-'],
    ],
    (seconds + 15) * 1000,
  );
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Whether the client has exited, without waiting. */
export async function exitedWithin(client: Client, timeoutMs: number): Promise<RunResult | null> {
  return Promise.race([client.exited, sleep(timeoutMs).then(() => null)]);
}

export async function stopClients(): Promise<void> {
  const waits = [...running].map(
    (child) => new Promise<void>((resolve) => child.once('close', () => resolve())),
  );
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(waits);
}
