import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { checkSite, checkSitePatch, type SiteInput } from './site-input';

const valid: SiteInput = {
  name: '  Ngõ 27 Xuân Đỉnh — đầu ngõ ',
  latitude: 21.0741,
  longitude: 105.7858,
  heading: 15,
  fov: 90,
  rangeM: 40,
  responsiblePhone: '0900 123 456',
  estimatedCostVnd: 15_000_000,
};

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return error.field;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('checkSite', () => {
  it('accepts a site, trimming text and compacting the phone', () => {
    const site = checkSite(valid);
    expect(site.name).toBe('Ngõ 27 Xuân Đỉnh — đầu ngõ');
    expect(site.responsible_phone).toBe('0900123456');
    expect(site.range_m).toBe(40);
    expect(site.source).toBe('manual');
  });

  it.each([
    [{ heading: -1 }, 'heading'],
    [{ heading: 361 }, 'heading'],
    [{ fov: 0 }, 'fov'],
    [{ fov: 361 }, 'fov'],
    [{ rangeM: 0 }, 'rangeM'],
    [{ rangeM: 1001 }, 'rangeM'],
    [{ latitude: 91 }, 'latitude'],
    [{ longitude: Number.NaN }, 'longitude'],
    [{ estimatedCostVnd: 1.5 }, 'estimatedCostVnd'],
    [{ estimatedCostVnd: -1 }, 'estimatedCostVnd'],
    [{ responsiblePhone: '12ab' }, 'responsiblePhone'],
    [{ name: '   ' }, 'name'],
    [{ notes: 'x'.repeat(2001) }, 'notes'],
  ] as const)('refuses %j naming %s', (change, field) => {
    expect(fieldOf(() => checkSite({ ...valid, ...change }))).toBe(field);
  });
});

describe('checkSitePatch', () => {
  const current = checkSite(valid);

  it('changes only the fields sent, and null clears optional text', () => {
    expect(checkSitePatch({ notes: 'Đã khảo sát', address: null }, current)).toEqual({
      notes: 'Đã khảo sát',
      address: null,
    });
    expect(checkSitePatch({ rangeM: 60 }, current)).toEqual({ range_m: 60 });
  });

  it('names the field of a bad change', () => {
    expect(fieldOf(() => checkSitePatch({ fov: 400 }, current))).toBe('fov');
    expect(fieldOf(() => checkSitePatch({ estimatedCostVnd: 2.5 }, current))).toBe(
      'estimatedCostVnd',
    );
  });
});
