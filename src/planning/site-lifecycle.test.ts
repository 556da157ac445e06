import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { needsCamera, planStatusChange, type SiteDates } from './site-lifecycle';

const fresh: SiteDates = {
  proposed_at: '2025-01-10',
  surveyed_at: null,
  agreed_at: null,
  funded_at: null,
  installed_at: null,
  connected_at: null,
};

function refusal(run: () => unknown): { status: number; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planStatusChange', () => {
  it('moves one step forward and dates it', () => {
    const plan = planStatusChange('proposed', fresh, 'surveyed', '2025-02-01', '2025-03-01');
    expect(plan).toEqual({
      status: 'surveyed',
      dates: { surveyed_at: '2025-02-01' },
      steps: ['surveyed'],
    });
  });

  it('fills every skipped step with the same date', () => {
    const plan = planStatusChange('proposed', fresh, 'funded', '2025-02-01', '2025-03-01');
    expect(plan.dates).toEqual({
      surveyed_at: '2025-02-01',
      agreed_at: '2025-02-01',
      funded_at: '2025-02-01',
    });
  });

  it('refuses going backwards or standing still with 409 naming status', () => {
    const funded = {
      ...fresh,
      surveyed_at: '2025-02-01',
      agreed_at: '2025-02-01',
      funded_at: '2025-02-01',
    };
    expect(
      refusal(() => planStatusChange('funded', funded, 'agreed', '2025-02-02', '2025-03-01')),
    ).toEqual({
      status: 409,
      field: 'status',
    });
    expect(
      refusal(() => planStatusChange('funded', funded, 'funded', '2025-02-02', '2025-03-01'))
        .status,
    ).toBe(409);
  });

  it('refuses a malformed date, a future one, or one before the current step', () => {
    expect(
      refusal(() => planStatusChange('proposed', fresh, 'surveyed', '2025-02-30', '2025-03-01')),
    ).toEqual({
      status: 400,
      field: 'on',
    });
    expect(
      refusal(() => planStatusChange('proposed', fresh, 'surveyed', '2025-03-02', '2025-03-01'))
        .field,
    ).toBe('on');
    expect(
      refusal(() => planStatusChange('proposed', fresh, 'surveyed', '2025-01-09', '2025-03-01'))
        .field,
    ).toBe('on');
  });

  it('asks for a camera from installed on', () => {
    expect(['funded', 'installed', 'connected'].map((s) => needsCamera(s as 'funded'))).toEqual([
      false,
      true,
      true,
    ]);
  });
});
