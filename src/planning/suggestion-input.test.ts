import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { checkSuggestionInput, type SuggestionInput } from './suggestion-input';

const base: SuggestionInput = { unitId: 'u', mode: 'all', candidates: 'sampled' };

function refusal(input: Partial<SuggestionInput>): { status: number; field?: string } {
  try {
    checkSuggestionInput({ ...base, ...input });
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, field: error.field };
    throw error;
  }
  return { status: 200 };
}

describe('checkSuggestionInput', () => {
  it('fills the defaults: 25 m spacing, 15 million đồng a camera, 90°, 30 m, ten cameras', () => {
    expect(checkSuggestionInput(base)).toEqual({
      ...base,
      spacingM: 25,
      cameras: 10,
      unitCostVnd: 15_000_000,
      incidentWeight: 0,
      fov: 90,
      rangeM: 30,
    });
  });

  it('turns money into cameras at the unit cost, and takes the smaller of two budgets', () => {
    expect(checkSuggestionInput({ ...base, budgetVnd: 150_000_000 }).cameras).toBe(10);
    expect(
      checkSuggestionInput({ ...base, budgetVnd: 100_000_000, unitCostVnd: 6_500_000 }).cameras,
    ).toBe(15);
    expect(
      checkSuggestionInput({ ...base, budgetCameras: 3, budgetVnd: 150_000_000 }).cameras,
    ).toBe(3);
    expect(checkSuggestionInput({ ...base, budgetCameras: 0 }).cameras).toBe(0);
  });

  it.each([
    [{ budgetCameras: -1 }, 'budgetCameras'],
    [{ budgetVnd: -1 }, 'budgetVnd'],
    [{ budgetCameras: 1.5 }, 'budgetCameras'],
    [{ unitCostVnd: 0 }, 'unitCostVnd'],
    [{ unitCostVnd: -5 }, 'unitCostVnd'],
    [{ incidentWeight: -0.1 }, 'incidentWeight'],
    [{ spacingM: 1 }, 'spacingM'],
    [{ fov: 0 }, 'fov'],
    [{ rangeM: 5000 }, 'rangeM'],
  ] as const)('refuses %j with 400 naming %s', (input, field) => {
    expect(refusal(input)).toEqual({ status: 400, field });
  });
});
