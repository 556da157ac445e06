import { badRequest } from '../platform/http/errors';
import { camerasAffordable } from './suggest';

// A request for placement suggestions, checked; every refusal names its field.

export interface SuggestionInput {
  unitId: string;
  mode: 'recorded' | 'all';
  candidates: 'planned' | 'sampled';
  spacingM?: number | undefined;
  budgetCameras?: number | undefined;
  budgetVnd?: number | undefined;
  unitCostVnd?: number | undefined;
  incidentWeight?: number | undefined;
  fov?: number | undefined;
  rangeM?: number | undefined;
}

export interface SuggestionPlan {
  unitId: string;
  mode: 'recorded' | 'all';
  candidates: 'planned' | 'sampled';
  spacingM: number;
  /** How many cameras the budget buys. */
  cameras: number;
  unitCostVnd: number;
  incidentWeight: number;
  fov: number;
  rangeM: number;
}

export const suggestionDefaults = {
  spacingM: 25,
  unitCostVnd: 15_000_000,
  /** Without a budget, a first look: the ten best places. */
  cameras: 10,
  fov: 90,
  rangeM: 30,
} as const;

/** More would take long on a large ward and no planner reads a list that long. */
export const maxSuggestions = 200;

function wholeAtLeast(value: number | undefined, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < min) {
    throw badRequest(`${field} must be a whole number, ${min} or more`, field);
  }
  return value;
}

function between(value: number, field: string, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`${field} must be between ${min} and ${max}`, field);
  }
  return value;
}

export function checkSuggestionInput(input: SuggestionInput): SuggestionPlan {
  const budgetCameras = wholeAtLeast(input.budgetCameras, 'budgetCameras', 0);
  const budgetVnd = wholeAtLeast(input.budgetVnd, 'budgetVnd', 0);
  const unitCostVnd =
    wholeAtLeast(input.unitCostVnd, 'unitCostVnd', 1) ?? suggestionDefaults.unitCostVnd;
  const incidentWeight = input.incidentWeight ?? 0;
  if (!Number.isFinite(incidentWeight) || incidentWeight < 0) {
    throw badRequest('incidentWeight must be 0 or more', 'incidentWeight');
  }
  const cameras = camerasAffordable(
    { cameras: budgetCameras, vnd: budgetVnd },
    unitCostVnd,
    suggestionDefaults.cameras,
  );
  return {
    unitId: input.unitId,
    mode: input.mode,
    candidates: input.candidates,
    spacingM: between(input.spacingM ?? suggestionDefaults.spacingM, 'spacingM', 5, 500),
    cameras: Math.min(cameras, maxSuggestions),
    unitCostVnd,
    incidentWeight,
    fov: between(input.fov ?? suggestionDefaults.fov, 'fov', 1, 360),
    rangeM: between(input.rangeM ?? suggestionDefaults.rangeM, 'rangeM', 1, 1000),
  };
}
