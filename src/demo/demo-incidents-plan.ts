import type { HelpedBy, IncidentType } from '../incidents/incident.vocabulary';
import type { IncidentStatus } from '../platform/db/schema';
import { demoPhone, householdOwner } from './demo-camera-kit';
import {
  availableCameras,
  hoursToResolve,
  outcomeOf,
  requestsFor,
  type Outcome,
  type PlannedRequest,
  type Spot,
} from './demo-incidents-outcome';
import {
  descriptions,
  helpedByChoices,
  hourWeights,
  monthOf,
  monthsFrom,
  monthStartMs,
  addMonths,
  notes,
  typeWeights,
  windowMinutes,
  type WardStory,
} from './demo-incidents-story';
import { seededRandom, type Random } from './demo-random';

// The demo's cases, planned without touching the database: for each ward and month, how many
// cases, where (a place some camera sees, or one none does), when (mostly at night), and what
// came of them (demo-incidents-outcome.ts). The seeder resolves the places and writes what this
// returns.

const hour = 3_600_000;
const day = 24 * hour;

export interface WardSpots {
  story: WardStory;
  watched: Spot[];
  unwatched: Spot[];
}

export interface PlannedCase {
  id: string;
  spot: Spot;
  type: IncidentType;
  description: string;
  fromMs: number;
  toMs: number;
  openedAtMs: number;
  investigatingAtMs: number | null;
  resolvedAtMs: number | null;
  closedAtMs: number | null;
  status: IncidentStatus;
  resolution: 'solved' | 'unsolved' | null;
  footageHelped: 0 | 1 | null;
  helpedBy: HelpedBy[] | null;
  note: string | null;
  reporterName: string;
  reporterPhone: string;
  requests: PlannedRequest[];
  /** A camera we record whose footage of the window went straight into evidence. */
  extractCameraId: string | null;
}

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function pickSpot(random: Random, ward: WardSpots): Spot | null {
  const watched = ward.watched.length > 0 && random.next() < ward.story.watchedShare;
  const pool = watched || ward.unwatched.length === 0 ? ward.watched : ward.unwatched;
  return pool.length === 0 ? null : random.pick(pool);
}

/** What the officer wrote when the case was resolved. */
function noteFor(outcome: Outcome, helpedBy: readonly HelpedBy[] | null, requested: boolean) {
  if (outcome === 'without') return notes.withoutFootage;
  if (outcome === 'unsolved') return requested ? notes.unsolvedWithRequests : notes.unsolved;
  const first = helpedBy?.[0];
  return first === 'suspect' || first === 'route' ? notes[first] : notes.vehicle;
}

type Draft = Omit<PlannedCase, 'id' | 'requests'> & { requests: Omit<PlannedRequest, 'id'>[] };

function draftCase(random: Random, ward: WardSpots, month: string, nowMs: number): Draft | null {
  const type = weighted(random, typeWeights);
  const startMs = monthStartMs(month);
  const days = Math.round((monthStartMs(addMonths(month, 1)) - startMs) / day);
  const hourOfDay = weighted(
    random,
    hourWeights.map((weight, h) => [h, weight] as const),
  );
  const fromMs =
    startMs + random.integer(0, days - 1) * day + hourOfDay * hour + random.integer(0, 59) * 60_000;
  const [shortest, longest] = windowMinutes[type];
  const toMs = fromMs + random.integer(shortest, longest) * 60_000;
  const openedAtMs = toMs + random.integer(10, 180) * 60_000;
  const spot = pickSpot(random, ward);
  const reporterName = householdOwner(random).replace(/^Hộ /, '');
  const reporterPhone = demoPhone(random).replaceAll(' ', '');
  const description = random.pick(descriptions[type]);
  if (spot === null || openedAtMs > nowMs - 30 * 60_000) return null;

  const available = availableCameras(spot, fromMs);
  const outcome = outcomeOf(random, available.length);
  const resolvedAtMs = openedAtMs + hoursToResolve(random, outcome) * hour;
  const investigatingAtMs =
    openedAtMs + Math.min(random.between(0.5, 24) * hour, (resolvedAtMs - openedAtMs) / 2);
  const requests = requestsFor(random, outcome, available, openedAtMs, resolvedAtMs);
  const helpedBy = outcome === 'footage' ? [...random.pick(helpedByChoices)] : null;
  const closeAfterDays = outcome === 'unsolved' ? random.between(30, 90) : random.between(10, 40);
  const draft: Draft = {
    spot,
    type,
    description,
    fromMs,
    toMs,
    openedAtMs,
    investigatingAtMs,
    resolvedAtMs,
    closedAtMs: resolvedAtMs + closeAfterDays * day,
    status: outcome === 'unsolved' ? 'unsolved' : 'solved',
    resolution: outcome === 'unsolved' ? 'unsolved' : 'solved',
    footageHelped:
      outcome === 'footage' ? 1 : requests.length > 0 || outcome === 'without' ? 0 : null,
    helpedBy: helpedBy ?? (outcome === 'without' || requests.length > 0 ? ['none'] : null),
    note: noteFor(outcome, helpedBy, requests.length > 0),
    reporterName,
    reporterPhone,
    requests,
    extractCameraId: null,
  };
  return asOf(draft, nowMs);
}

/** The case as it stands at `nowMs`: what has not happened yet is left out. */
function asOf(draft: Draft, nowMs: number): Draft {
  const requests = draft.requests
    .filter((request) => request.createdAtMs < nowMs)
    .map((request) =>
      request.decidedAtMs !== null && request.decidedAtMs < nowMs
        ? request
        : { ...request, status: 'pending' as const, decidedAtMs: null, declineReason: null },
    );
  if (draft.resolvedAtMs !== null && draft.resolvedAtMs <= nowMs) {
    const closed = draft.closedAtMs !== null && draft.closedAtMs <= nowMs;
    return {
      ...draft,
      requests,
      status: closed ? 'closed' : draft.status,
      closedAtMs: closed ? draft.closedAtMs : null,
    };
  }
  const investigating = draft.investigatingAtMs !== null && draft.investigatingAtMs <= nowMs;
  return {
    ...draft,
    requests,
    status: investigating ? 'investigating' : 'open',
    investigatingAtMs: investigating ? draft.investigatingAtMs : null,
    resolvedAtMs: null,
    closedAtMs: null,
    resolution: null,
    footageHelped: null,
    helpedBy: null,
    note: null,
  };
}

/**
 * Turns the fulfilled request to a recorded camera into an extraction from our recordings for
 * the `count` most recent cases that have one: those get real clips in evidence.
 */
function chooseExtracts(cases: PlannedCase[], recorded: ReadonlySet<string>, count: number): void {
  let chosen = 0;
  for (const planned of [...cases].sort((a, b) => b.fromMs - a.fromMs)) {
    if (chosen >= count) return;
    const index = planned.requests.findIndex(
      (request) => request.status === 'fulfilled' && recorded.has(request.cameraId),
    );
    if (index < 0) continue;
    planned.extractCameraId = planned.requests[index]!.cameraId;
    planned.requests.splice(index, 1);
    chosen++;
  }
}

export interface PlanInput {
  nowMs: number;
  wards: readonly WardSpots[];
  /** How many cases get a real extracted clip. */
  extracts: number;
}

/** Every demo case up to `nowMs`, oldest first, with stable ids. */
export function planDemoIncidents(input: PlanInput): PlannedCase[] {
  const random = seededRandom('demo-incidents');
  const currentMonth = monthOf(input.nowMs);
  const drafts: Draft[] = [];
  for (const ward of input.wards) {
    let carry = 0;
    for (const month of monthsFrom(ward.story.firstMonth, currentMonth)) {
      carry += ward.story.casesPerMonth(month) * random.between(0.6, 1.4);
      const count = Math.floor(carry);
      carry -= count;
      for (let i = 0; i < count; i++) {
        const draft = draftCase(random, ward, month, input.nowMs);
        if (draft) drafts.push(draft);
      }
    }
  }
  drafts.sort((a, b) => a.openedAtMs - b.openedAtMs || a.fromMs - b.fromMs);
  const cases = drafts.map((draft, index): PlannedCase => {
    const id = `demo-incident-${String(index + 1).padStart(4, '0')}`;
    return {
      ...draft,
      id,
      requests: draft.requests.map((request, n) => ({ ...request, id: `${id}-request-${n + 1}` })),
    };
  });
  const recorded = new Set(
    input.wards.flatMap((ward) =>
      [...ward.watched, ...ward.unwatched].flatMap((spot) =>
        spot.seeing.filter((camera) => camera.recorded).map((camera) => camera.id),
      ),
    ),
  );
  chooseExtracts(cases, recorded, input.extracts);
  return cases;
}
