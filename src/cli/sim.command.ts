import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { cameraName } from '../sim/camera-path';
import { startSimulator, type FaultKind, type Simulator } from '../sim/rtsp-server';
import { CliError } from './common';

// `matthan sim`: simulated RTSP cameras on this machine, for trying the recorder without real
// cameras. Faults can be typed on standard input while it runs (`drop 3`, `recover 3`, `stats`).

const faultKinds: readonly FaultKind[] = [
  'drop',
  'offline',
  'stall',
  'refuse',
  'garbage',
  'resize',
  'codec',
  'recover',
];

function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new CliError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
    }
    return number;
  };
}

/** Runs one typed command against the simulator and returns what to print. */
export function simulatorCommand(sim: Simulator, line: string): string {
  const [word = '', argument = '', value = ''] = line.trim().split(/\s+/);
  if (word === '') return '';
  if (word === 'stats') return JSON.stringify(sim.stats());
  if (word === 'help') return `commands: ${faultKinds.join('|')} CAMERA, clock CAMERA MS, stats`;
  if (word === 'clock') return clockCommand(sim, argument, value);
  if (!(faultKinds as readonly string[]).includes(word))
    return `unknown command: ${word} (try help)`;
  const camera = Number(argument);
  if (!Number.isInteger(camera) || camera < 1 || camera > sim.cameras) {
    return `camera must be 1 to ${sim.cameras}`;
  }
  try {
    sim.fault(camera, word as FaultKind);
  } catch (error) {
    // A fault this machine cannot make (no H.265 encoder) is an answer, not the end of the run.
    return `${cameraName(camera)}: ${(error as Error).message}`;
  }
  const codec = sim.stats().codecs[cameraName(camera)] ?? 'h264';
  return word === 'codec'
    ? `${cameraName(camera)}: codec, main stream now ${codec}`
    : `${cameraName(camera)}: ${word}`;
}

/** `clock 3 -4000`: camera 3's clock runs 4 s behind (its RTCP sender reports say so). */
function clockCommand(sim: Simulator, argument: string, value: string): string {
  const camera = Number(argument);
  if (!Number.isInteger(camera) || camera < 1 || camera > sim.cameras) {
    return `camera must be 1 to ${sim.cameras}`;
  }
  if (!/^[+-]?\d+$/.test(value)) return 'usage: clock CAMERA MS (e.g. clock 3 -4000)';
  try {
    sim.setClockSkew(camera, Number(value));
  } catch (error) {
    return `${cameraName(camera)}: ${(error as Error).message}`;
  }
  const ms = Number(value);
  return `${cameraName(camera)}: clock ${ms >= 0 ? '+' : ''}${ms} ms`;
}

export function simCommand(): Command {
  return new Command('sim')
    .description('serve simulated RTSP cameras (a looping test clip per camera) until Ctrl-C')
    .addOption(
      new Option('--cameras <n>', 'how many cameras')
        .argParser(wholeNumber('--cameras', 1, 9999))
        .default(4),
    )
    .addOption(
      new Option('--port <port>', 'RTSP port (0 picks a free one)')
        .env('MATTHAN_SIM_PORT')
        .argParser(wholeNumber('--port', 0, 65535))
        .default(8554),
    )
    .addOption(new Option('--host <address>', 'address to listen on').default('127.0.0.1'))
    .addOption(new Option('--username <name>', 'require Digest authentication with this user'))
    .addOption(new Option('--password <password>', 'the password for --username'))
    .addOption(new Option('--clip-dir <dir>', 'where the generated test clips are cached'))
    .addOption(new Option('--verbose', 'print every connection'))
    .addHelpText(
      'after',
      `\nEach camera N serves rtsp://HOST:PORT/cam-NNN (1280×720) and /cam-NNN/sub (640×360).\n` +
        `While it runs, type a fault and a camera number: ${faultKinds.join(', ')} (e.g. "stall 3"), or "stats".\n` +
        `  drop: close its connections once      offline: keep closing them until recover\n` +
        `  stall: send nothing, sockets open     refuse: answer 401 to good credentials\n` +
        `  garbage: answer with bytes not RTSP   resize: switch main ↔ sub size mid-stream\n` +
        `  codec: drop its sessions and serve the main stream in the other codec (H.264 ↔ H.265)\n` +
        `  clock CAMERA MS: its sender reports run MS ahead of true time (negative: behind)\n` +
        `  recover: healthy again, back on H.264`,
    )
    .action(async (options: Record<string, unknown>) => {
      const username = options.username as string | undefined;
      const password = options.password as string | undefined;
      if ((username === undefined) !== (password === undefined)) {
        throw new CliError('--username and --password go together');
      }
      const log = options.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
      process.stderr.write('preparing the test clips (generated once, then cached)…\n');
      const sim = await startSimulator({
        port: options.port as number,
        host: options.host as string,
        cameras: options.cameras as number,
        credentials: username && password ? { username, password } : undefined,
        clipDir: options.clipDir as string | undefined,
        log,
      });
      const lines = [`${sim.cameras} simulated cameras on rtsp://${sim.host}:${sim.port}/`];
      for (let camera = 1; camera <= sim.cameras; camera++) {
        const bare = { withCredentials: false };
        lines.push(`  ${sim.url(camera, bare)}   ${sim.url(camera, { ...bare, sub: true })}`);
      }
      if (username) lines.push(`Digest authentication: user ${username} and the password given`);
      lines.push('Type "help" for faults; Ctrl-C stops.');
      process.stdout.write(lines.join('\n') + '\n');
      const input = createInterface({ input: process.stdin, terminal: false });
      input.on('line', (line) => {
        const answer = simulatorCommand(sim, line);
        if (answer) process.stdout.write(`${answer}\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      input.close();
      await sim.close();
    });
}
