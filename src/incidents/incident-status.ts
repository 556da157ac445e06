import type { IncidentStatus, IncidentTable } from '../platform/db/schema';
import { badRequest, conflict } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { isHelpedBy, type HelpedBy } from './incident.vocabulary';

// The life of a case: open → investigating → solved | unsolved | closed. A case may skip
// investigating; solved and unsolved cases are closed once the file is put away; closed is
// final. A solved case says whether footage helped and how, which is what the commune reports
// on. Pure: the service applies the changes this returns.

const moves: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['investigating', 'solved', 'unsolved', 'closed'],
  investigating: ['solved', 'unsolved', 'closed'],
  solved: ['closed'],
  unsolved: ['closed'],
  closed: [],
};

export const isActiveStatus = (status: IncidentStatus): boolean =>
  status === 'open' || status === 'investigating';

export interface StatusInput {
  status: IncidentStatus;
  footageHelped?: boolean | undefined;
  helpedBy?: readonly string[] | undefined;
  note?: string | null | undefined;
}

export type StatusChange = Pick<IncidentTable, 'status' | 'updated_at'> &
  Partial<
    Pick<
      IncidentTable,
      | 'investigating_at'
      | 'resolved_at'
      | 'resolution'
      | 'closed_at'
      | 'footage_helped'
      | 'helped_by'
      | 'outcome_note'
    >
  >;

/** 409 naming `status` unless the case may move from `from` to `to`. */
export function requireMove(from: IncidentStatus, to: IncidentStatus): void {
  if (from === 'closed') throw conflict('a closed case cannot change status', 'status');
  if (!moves[from].includes(to)) {
    throw conflict(`a case that is ${from} cannot become ${to}`, 'status');
  }
}

function helpedByList(raw: readonly string[] | undefined): HelpedBy[] | undefined {
  if (raw === undefined) return undefined;
  const list: HelpedBy[] = [];
  for (const value of raw) {
    if (!isHelpedBy(value)) {
      throw badRequest('helpedBy may hold only suspect, vehicle, route or none', 'helpedBy');
    }
    if (!list.includes(value)) list.push(value);
  }
  return list;
}

/** What a solved case must say: whether footage helped, and how (`none` alone when it did not). */
function solvedOutcome(input: StatusInput): { helped: boolean; by: HelpedBy[] } {
  if (input.footageHelped === undefined) {
    throw badRequest('say whether footage helped solve the case', 'footageHelped');
  }
  const by = helpedByList(input.helpedBy);
  if (by === undefined || by.length === 0) {
    throw badRequest('say how footage helped: suspect, vehicle, route, or none', 'helpedBy');
  }
  if (input.footageHelped) {
    if (by.includes('none')) {
      throw badRequest('footage that helped cannot have helped with none', 'helpedBy');
    }
  } else if (by.length !== 1 || by[0] !== 'none') {
    throw badRequest('when footage did not help, helpedBy is none alone', 'helpedBy');
  }
  return { helped: input.footageHelped, by };
}

/** An unsolved case may record that footage did not help; nothing else. */
function unsolvedOutcome(input: StatusInput): { helped: false | null; by: HelpedBy[] | null } {
  if (input.footageHelped === true) {
    throw badRequest('an unsolved case was not solved with footage', 'footageHelped');
  }
  const by = helpedByList(input.helpedBy);
  if (by !== undefined && by.length > 0 && (by.length !== 1 || by[0] !== 'none')) {
    throw badRequest('an unsolved case can only say footage helped with none', 'helpedBy');
  }
  const helped = input.footageHelped === false ? false : null;
  return { helped, by: helped === false ? ['none'] : null };
}

/**
 * The row changes for a status move at `nowIso`, or the error naming what is wrong: 409
 * `status` for a move the lifecycle does not allow, 400 for a missing or contradictory outcome.
 */
export function planStatusChange(
  current: Pick<IncidentTable, 'status'>,
  input: StatusInput,
  nowIso: string,
): StatusChange {
  requireMove(current.status, input.status);
  const note = input.note === undefined || input.note === null ? null : normalizeText(input.note);
  const change: StatusChange = { status: input.status, updated_at: nowIso };
  if (note) change.outcome_note = note;
  const outcomeGiven = input.footageHelped !== undefined || input.helpedBy !== undefined;
  switch (input.status) {
    case 'investigating':
    case 'closed':
      if (outcomeGiven) {
        const field = input.footageHelped !== undefined ? 'footageHelped' : 'helpedBy';
        throw badRequest('the outcome is recorded when a case is solved or unsolved', field);
      }
      if (input.status === 'investigating') change.investigating_at = nowIso;
      else change.closed_at = nowIso;
      return change;
    case 'solved': {
      const { helped, by } = solvedOutcome(input);
      return {
        ...change,
        resolved_at: nowIso,
        resolution: 'solved',
        footage_helped: helped ? 1 : 0,
        helped_by: JSON.stringify(by),
      };
    }
    case 'unsolved': {
      const { helped, by } = unsolvedOutcome(input);
      return {
        ...change,
        resolved_at: nowIso,
        resolution: 'unsolved',
        footage_helped: helped === null ? null : 0,
        helped_by: by === null ? null : JSON.stringify(by),
      };
    }
    case 'open':
      // Nothing moves back to open: `requireMove` has refused it already.
      throw conflict('a case cannot be reopened', 'status');
  }
}

/** The stored `helped_by` JSON as a list; anything unreadable reads as empty. */
export function readHelpedBy(raw: string | null): HelpedBy[] {
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    // Written only by this module; a damaged value shows as no answer rather than a 500.
    if (error instanceof SyntaxError) return [];
    throw error;
  }
  return Array.isArray(parsed)
    ? parsed.filter((value): value is HelpedBy => typeof value === 'string' && isHelpedBy(value))
    : [];
}
