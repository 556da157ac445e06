import { describe, expect, it } from 'vitest';
import type { UnitRow } from './camera.repo';
import { commonPath } from './camera-registration';
import { cameraSearchText, pickVersion } from './camera-units';

const version = (id: string, validFrom: string, validTo: string | null): UnitRow => ({
  id,
  code: '00611',
  name: id,
  path: `/${id}/`,
  valid_from: validFrom,
  valid_to: validTo,
  successor_id: null,
});

describe('pickVersion', () => {
  it('prefers the version of a code that is in force today', () => {
    const old = version('old', '2008-08-01', '2025-06-30');
    const current = version('new', '2025-07-01', null);
    expect(pickVersion([old, current], '2026-01-10')?.id).toBe('new');
    expect(pickVersion([old, current], '2020-01-10')?.id).toBe('old');
  });

  it('falls back to the latest version when none is in force, so its successor can be followed', () => {
    const versions = [
      version('a', '2000-01-01', '2010-12-31'),
      version('b', '2011-01-01', '2025-06-30'),
    ];
    expect(pickVersion(versions, '2026-01-10')?.id).toBe('b');
    expect(pickVersion([], '2026-01-10')).toBeUndefined();
  });
});

describe('cameraSearchText', () => {
  it('folds the camera and its units into one accent-free column', () => {
    const text = cameraSearchText(
      { code: 'TX1-01', name: 'Đầu ngõ 68', address: 'Ngõ 68 Tân Xuân', owner_name: null },
      ['Tân Xuân 1', 'Xuân Đỉnh', 'Hà Nội'],
    );
    expect(text).toBe('tx1-01 dau ngo 68 ngo 68 tan xuan tan xuan 1 xuan dinh ha noi');
  });
});

describe('commonPath', () => {
  it('finds the deepest unit every camera of a batch lies under', () => {
    expect(commonPath(['/hn/btl/xd/tx1/', '/hn/btl/xd/', '/hn/btl/xd/tx2/'])).toBe('/hn/btl/xd/');
    expect(commonPath(['/hn/btl/xd/', '/ht/tt/'])).toBe('/');
    expect(commonPath([])).toBeNull();
  });
});
