// The coverage benchmark: 10,000 cameras over 20,000 street segments of a synthetic city grid
// (100 streets each way, 80 m blocks, a little jitter so no two blocks are alike), from a
// deterministic generator. It times the full computation (grid, every camera's view of every
// segment near it, the unions), then adding one camera to the built index, against building
// everything again with that camera, in the same run; both must give the same total. The last
// line is one JSON object.
import { performance } from 'node:perf_hooks';
import { CoverageIndex } from '../src/coverage/coverage-index';
import type { Cam, Seg } from '../src/coverage/coverage.types';
import { segmentLengthM } from '../src/coverage/geometry';
import { projectionAt } from '../src/incidents/finder';
import { random } from './bench-registry-seed';

const streetsEachWay = 100;
const blockM = 80;
const cameraCount = 10_000;
const incrementalRounds = 50;
const rebuildRounds = 5;
const origin = { lat: 21.03, lng: 105.78 };
const { northM, eastM } = projectionAt(origin.lat);

const rand = random(20_251_106);

/** Street crossing (i, j), jittered the same for both streets through it. */
function crossing(i: number, j: number): [number, number] {
  const wobble = (n: number) => (((n * 2_654_435_761) >>> 0) / 2 ** 32 - 0.5) * 12;
  const east = i * blockM + wobble(i * 131 + j * 7);
  const north = j * blockM + wobble(i * 17 + j * 257);
  return [origin.lat + north / northM, origin.lng + east / eastM];
}

function network(): Seg[] {
  const segments: Seg[] = [];
  const piece = (wayId: string, seq: number, a: [number, number], b: [number, number]) => {
    const ends = { lat1: a[0], lng1: a[1], lat2: b[0], lng2: b[1] };
    segments.push({
      id: `${wayId}:${seq}`,
      wayId,
      name: wayId,
      kind: seq % 10 === 0 ? 'tertiary' : 'residential',
      unitPath: `/hn/w${Math.floor(seq / 25)}/`,
      ...ends,
      lengthM: segmentLengthM(ends),
    });
  };
  for (let j = 0; j < streetsEachWay; j++) {
    for (let i = 0; i < streetsEachWay; i++) piece(`ew${j}`, i, crossing(i, j), crossing(i + 1, j));
  }
  for (let i = 0; i < streetsEachWay; i++) {
    for (let j = 0; j < streetsEachWay; j++) piece(`ns${i}`, j, crossing(i, j), crossing(i, j + 1));
  }
  return segments;
}

/** A camera beside a random street, mostly looking along it; one in a hundred sees far. */
function randomCamera(id: string, segments: readonly Seg[]): Cam {
  const s = segments[Math.floor(rand() * segments.length)]!;
  const t = rand();
  const along = (Math.atan2((s.lng2 - s.lng1) * eastM, (s.lat2 - s.lat1) * northM) * 180) / Math.PI;
  const heading = rand() < 0.7 ? along + (rand() < 0.5 ? 0 : 180) : rand() * 360;
  return {
    id,
    latitude: s.lat1 + (s.lat2 - s.lat1) * t + ((rand() - 0.5) * 6) / northM,
    longitude: s.lng1 + (s.lng2 - s.lng1) * t + ((rand() - 0.5) * 6) / eastM,
    heading: ((Math.round(heading) % 360) + 360) % 360,
    fov: 60 + Math.floor(rand() * 60),
    rangeM: rand() < 0.01 ? 200 + Math.floor(rand() * 400) : 20 + Math.floor(rand() * 60),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round = (ms: number) => Math.round(ms * 1000) / 1000;

function main(): void {
  const segments = network();
  const cameras = Array.from({ length: cameraCount }, (_, i) => randomCamera(`c${i}`, segments));
  console.log(`network: ${segments.length} segments, ${cameras.length} cameras`);

  let start = performance.now();
  const index = new CoverageIndex(segments, cameras);
  const fullMs = performance.now() - start;
  const totals = index.totals();
  console.log(
    `full: ${fullMs.toFixed(1)} ms; ${(totals.lengthM / 1000).toFixed(1)} km of street, ` +
      `${((totals.coveredM / totals.lengthM) * 100).toFixed(1)}% covered`,
  );

  const addTimes: number[] = [];
  const removeTimes: number[] = [];
  let lastAdded: Cam | null = null;
  for (let round = 0; round < incrementalRounds; round++) {
    const camera = randomCamera(`new-${round}`, segments);
    start = performance.now();
    index.add(camera);
    addTimes.push(performance.now() - start);
    lastAdded = camera;
    if (round === incrementalRounds - 1) break;
    start = performance.now();
    index.remove(camera.id);
    removeTimes.push(performance.now() - start);
  }
  // The update must be worth nothing unless it is right: the index with the last camera added
  // must agree with one built from scratch with it.
  const rebuildTimes: number[] = [];
  let rebuilt: CoverageIndex | null = null;
  for (let round = 0; round < rebuildRounds; round++) {
    start = performance.now();
    rebuilt = new CoverageIndex(segments, [...cameras, lastAdded!]);
    rebuildTimes.push(performance.now() - start);
  }
  const incremental = index.totals().coveredM;
  const fresh = rebuilt!.totals().coveredM;
  if (Math.abs(incremental - fresh) > 1e-6 * fresh) {
    throw new Error(`incremental ${incremental} m differs from rebuilt ${fresh} m`);
  }
  const incrementalMs = median(addTimes);
  const rebuildMs = median(rebuildTimes);
  console.log(
    `add one camera: median ${incrementalMs.toFixed(3)} ms over ${addTimes.length}; ` +
      `remove: median ${median(removeTimes).toFixed(3)} ms; ` +
      `rebuild: median ${rebuildMs.toFixed(1)} ms over ${rebuildRounds} ` +
      `(${Math.round(rebuildMs / incrementalMs)}× slower); totals agree`,
  );
  console.log(
    JSON.stringify({
      bench: 'coverage',
      cameras: cameraCount,
      segments: segments.length,
      full_ms: round(fullMs),
      incremental_ms: round(incrementalMs),
      rebuild_ms: round(rebuildMs),
    }),
  );
}

main();
