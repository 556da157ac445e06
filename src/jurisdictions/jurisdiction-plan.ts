import { normalizeText } from '../platform/text';
import type { RawUnitRow } from './jurisdiction-rows';
import {
  allowedParentLevels,
  childPath,
  codeProblem,
  followSuccessors,
  isCalendarDate,
  nextDay,
  pickVersion,
  type SuccessorLink,
} from './jurisdiction-tree';
import { boundaryProblem } from './jurisdiction-outline';
import { isJurisdictionLevel, type JurisdictionLevel, type RowProblem } from './jurisdiction.types';

// Decides what an import would do, without touching the database: every row is checked
// against the rows before it and the units already stored, and every problem is named, so
// the caller can refuse the whole file (all or nothing) with the complete list.

/** A unit already in the database, as far as the planner needs to know it. */
export interface ExistingUnit {
  id: string;
  code: string;
  level: JurisdictionLevel;
  parentId: string | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
}

export interface PlannedUnit {
  id: string;
  code: string;
  name: string;
  level: JurisdictionLevel;
  kind: string;
  parentId: string | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
  /** GeoJSON geometry as text, or undefined to leave a stored outline as it is. */
  boundary: string | undefined;
}

export interface ImportPlan {
  creates: PlannedUnit[];
  updates: PlannedUnit[];
  /** Successor links to set once every unit exists (a successor may come later in the file). */
  successors: SuccessorLink[];
  skipped: number;
  problems: RowProblem[];
}

export interface PlanOptions {
  newId: () => string;
  /** What a row that matches a stored unit (same code and valid_from) does: update it, or nothing. */
  onExisting: 'update' | 'skip';
}

type Fail = (column: string | null, reason: string) => void;

interface Version {
  id: string;
  code: string;
  level: JurisdictionLevel | undefined;
  path: string;
  validFrom: string;
  validTo: string | null;
  /** The file line that defines it; undefined for a stored unit. */
  line: number | undefined;
  ok: boolean;
}

export function planImport(
  rows: readonly RawUnitRow[],
  existing: readonly ExistingUnit[],
  options: PlanOptions,
): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], successors: [], skipped: 0, problems: [] };
  const versionsByCode = new Map<string, Version[]>();
  const addVersion = (version: Version) => {
    versionsByCode.set(version.code, [...(versionsByCode.get(version.code) ?? []), version]);
  };
  const stored = new Map<string, ExistingUnit>();
  for (const unit of existing) {
    stored.set(`${unit.code}|${unit.validFrom}`, unit);
    addVersion({ ...unit, line: undefined, ok: true });
  }
  const links = new Map<string, string | null>(existing.map((u) => [u.id, u.successorId]));
  const fileLines = new Map<string, number>();
  const rowVersions: { row: RawUnitRow; version: Version; action: 'create' | 'update' | 'skip' }[] =
    [];

  for (const row of rows) {
    const problems: RowProblem[] = [];
    const fail = (column: string | null, reason: string) =>
      problems.push({ line: row.line, column, reason });
    const {
      code,
      level,
      name,
      kind,
      validFrom,
      validTo,
      latitude,
      longitude,
      population,
      boundary,
    } = readFields(row, fail);

    const key = `${code}|${validFrom}`;
    const earlierLine = fileLines.get(key);
    if (earlierLine !== undefined)
      fail(
        'code',
        `duplicate of line ${earlierLine}: same code ${code} and valid_from ${validFrom}`,
      );
    fileLines.set(key, row.line);

    const parent = level
      ? findParent(row, code, level, validFrom, versionsByCode, fail)
      : undefined;
    const match = earlierLine === undefined ? stored.get(key) : undefined;
    if (
      match &&
      options.onExisting === 'update' &&
      level &&
      (match.level !== level || (parent && match.parentId !== parent.id))
    ) {
      fail(
        'code',
        `${code} from ${validFrom} is already stored as a ${match.level} with another parent; its level and parent cannot change`,
      );
    }

    const ok = problems.length === 0 && level !== undefined;
    plan.problems.push(...problems);
    const action = match ? (options.onExisting === 'update' ? 'update' : 'skip') : 'create';
    const id = match?.id ?? (ok ? options.newId() : `line:${row.line}`);
    const path = match?.path ?? (ok ? childPath(parent?.path ?? null, id) : '');
    const version: Version = { id, code, level, path, validFrom, validTo, line: row.line, ok };
    if (!match) addVersion(version);
    rowVersions.push({ row, version, action });
    if (!ok || !level) continue;
    if (action === 'skip') {
      plan.skipped++;
      continue;
    }
    const unit: PlannedUnit = {
      id,
      code,
      name,
      level,
      kind,
      validFrom,
      validTo,
      latitude,
      longitude,
      population,
      path,
      parentId: parent?.id ?? null,
      boundary: boundary === undefined ? undefined : JSON.stringify(boundary),
    };
    (action === 'create' ? plan.creates : plan.updates).push(unit);
  }

  // Successors are resolved after every row is known: the new unit usually follows the old.
  for (const { row, version, action } of rowVersions) {
    if (action === 'skip') continue;
    const fail = (reason: string) =>
      plan.problems.push({ line: row.line, column: 'successorCode', reason });
    const successorCode = row.successorCode.toUpperCase();
    if (!successorCode) {
      // An updated unit is rewritten whole: no successor in the file clears a stored one.
      if (version.ok && action === 'update' && links.get(version.id)) {
        plan.successors.push({ id: version.id, successorId: null });
      }
      if (version.ok) links.set(version.id, null);
      continue;
    }
    if (!version.validTo) {
      fail('a unit with a successor needs valid_to (its last day)');
      continue;
    }
    const candidates = versionsByCode.get(successorCode);
    const successor = candidates && pickVersion(candidates, nextDay(version.validTo));
    if (!successor)
      fail(`unknown successor ${successorCode}: it must be in the database or in the file`);
    else if (!successor.ok)
      fail(`successor ${successorCode} (line ${successor.line ?? '?'}) is invalid`);
    else if (successor.id === version.id) fail('a unit cannot be its own successor');
    else if (version.ok) {
      links.set(version.id, successor.id);
      plan.successors.push({ id: version.id, successorId: successor.id });
    }
  }
  const codeOf = new Map<string, string>();
  for (const versions of versionsByCode.values())
    for (const v of versions) codeOf.set(v.id, v.code);
  for (const link of plan.successors) {
    const walk = followSuccessors(link.id, (id) =>
      links.has(id) ? { id, successorId: links.get(id) ?? null } : undefined,
    );
    if (walk.cycle) {
      const line = rowVersions.find((r) => r.version.id === link.id)?.row.line ?? 0;
      const loop = walk.chain.map((id) => codeOf.get(id) ?? id).join(' → ');
      plan.problems.push({
        line,
        column: 'successorCode',
        reason: `successor links loop back: ${loop} → …`,
      });
    }
  }
  plan.problems.sort((a, b) => a.line - b.line);
  return plan;
}

/** Checks the values of one row on their own; relations to other rows come after. */
function readFields(row: RawUnitRow, fail: Fail) {
  const code = row.code.toUpperCase();
  const level = isJurisdictionLevel(row.level) ? row.level : undefined;
  if (!code) fail('code', 'code is required');
  if (!level)
    fail(
      'level',
      `unknown level "${row.level}" (province, district, commune or residential_group)`,
    );
  const name = normalizeText(row.name);
  if (!name) fail('name', 'name is required');
  else if (name.length > 200) fail('name', 'name is longer than 200 characters');
  const kind = normalizeText(row.kind);
  if (!kind) fail('kind', 'kind is required (e.g. phường, xã, tổ dân phố)');
  else if (kind.length > 60) fail('kind', 'kind is longer than 60 characters');
  const validFrom = row.validFrom;
  if (!isCalendarDate(validFrom))
    fail('validFrom', `valid_from "${validFrom}" is not a date (YYYY-MM-DD)`);
  const validTo = row.validTo || null;
  if (validTo !== null && !isCalendarDate(validTo))
    fail('validTo', `valid_to "${validTo}" is not a date (YYYY-MM-DD)`);
  else if (validTo !== null && isCalendarDate(validFrom) && validTo < validFrom) {
    fail('validTo', `valid_to ${validTo} is before valid_from ${validFrom}`);
  }
  const latitude = coordinate(row.latitude, 90, 'latitude', fail);
  const longitude = coordinate(row.longitude, 180, 'longitude', fail);
  if ((row.latitude === '') !== (row.longitude === '')) {
    fail(
      row.latitude === '' ? 'latitude' : 'longitude',
      'give both latitude and longitude, or neither',
    );
  }
  const population = wholeNumber(row.population, fail);
  const boundary = row.boundary === undefined || row.boundary === null ? undefined : row.boundary;
  const outlineProblem = boundary === undefined ? null : boundaryProblem(boundary);
  if (outlineProblem) fail('boundary', outlineProblem);
  return { code, level, name, kind, validFrom, validTo, latitude, longitude, population, boundary };
}

function findParent(
  row: RawUnitRow,
  code: string,
  level: JurisdictionLevel,
  validFrom: string,
  versionsByCode: ReadonlyMap<string, Version[]>,
  fail: Fail,
): Version | undefined {
  const parentCode = row.parentCode.toUpperCase();
  const allowed = allowedParentLevels(level);
  if (allowed.length === 0) {
    if (parentCode) fail('parentCode', 'a province has no parent');
    const shape = codeProblem(level, code);
    if (shape) fail('code', shape);
    return undefined;
  }
  if (!parentCode) {
    fail('parentCode', `parent_code is required for a ${level}`);
    return undefined;
  }
  const candidates = versionsByCode.get(parentCode);
  const parent = candidates && pickVersion(candidates, validFrom);
  if (!parent) {
    fail(
      'parentCode',
      `unknown parent ${parentCode}: it must be in the database or earlier in the file`,
    );
  } else if (!parent.ok) {
    fail('parentCode', `parent ${parentCode} (line ${parent.line ?? '?'}) is invalid`);
  } else if (!parent.level || !allowed.includes(parent.level)) {
    fail(
      'parentCode',
      `a ${level} cannot be under a ${parent.level ?? 'unit'} (allowed: ${allowed.join(', ')})`,
    );
  }
  const shape = codeProblem(level, code, parent?.code ?? parentCode);
  if (shape) fail('code', shape);
  return parent?.ok ? parent : undefined;
}

function coordinate(
  raw: string,
  limit: number,
  field: 'latitude' | 'longitude',
  fail: (c: string, r: string) => void,
): number | null {
  if (raw === '') return null;
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value)) fail(field, `${field} "${raw}" is not a number`);
  else if (Math.abs(value) > limit) fail(field, `${field} ${raw} is outside -${limit}…${limit}`);
  else return value;
  return null;
}

function wholeNumber(raw: string, fail: (c: string, r: string) => void): number | null {
  if (raw === '') return null;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    fail('population', `population "${raw}" is not a whole number of people`);
    return null;
  }
  return value;
}
