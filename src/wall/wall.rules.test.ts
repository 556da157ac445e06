import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { CameraAccessFacts } from '../cameras/camera.access';
import { AppError } from '../platform/http/errors';
import {
  grantMatters,
  parseCameraIds,
  validateLayout,
  wallLive,
  type LayoutInput,
} from './wall.rules';

const layout = (over: Partial<LayoutInput> = {}): LayoutInput => ({
  name: 'Ngã tư',
  size: 4,
  cameraIds: ['a', null, 'b', null],
  ...over,
});

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return error.field;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('layout validation', () => {
  it('accepts a 4-tile wall and NFC-normalises and trims its name', () => {
    const typed = '  Ngã tư Xuân Đỉnh  '.normalize('NFD');
    const valid = validateLayout(layout({ name: typed }));
    expect(valid.name).toBe('Ngã tư Xuân Đỉnh'.normalize('NFC'));
    expect(valid.name).not.toBe(typed.trim());
    expect(valid.cameraIds).toEqual(['a', null, 'b', null]);
  });

  it('rejects a name that is empty after trimming or longer than 80 characters', () => {
    expect(fieldOf(() => validateLayout(layout({ name: '   ' })))).toBe('name');
    expect(fieldOf(() => validateLayout(layout({ name: 'x'.repeat(81) })))).toBe('name');
    expect(validateLayout(layout({ name: 'x'.repeat(80) })).name).toHaveLength(80);
  });

  it('rejects sizes other than 1, 4, 9 and 16', () => {
    for (const size of [0, 2, 3, 8, 12, 25])
      expect(
        fieldOf(() => validateLayout(layout({ size, cameraIds: Array(size).fill(null) }))),
      ).toBe('size');
    for (const size of [1, 4, 9, 16])
      expect(validateLayout(layout({ size, cameraIds: Array(size).fill(null) })).size).toBe(size);
  });

  it('rejects camera ids that do not match the number of tiles', () => {
    expect(fieldOf(() => validateLayout(layout({ cameraIds: ['a'] })))).toBe('cameraIds');
    expect(fieldOf(() => validateLayout(layout({ size: 1, cameraIds: [null, null] })))).toBe(
      'cameraIds',
    );
  });

  it('rejects the same camera in two tiles', () => {
    expect(fieldOf(() => validateLayout(layout({ cameraIds: ['a', 'a', null, null] })))).toBe(
      'cameraIds',
    );
  });
});

describe('stored camera ids', () => {
  it('reads back what was stored', () => {
    expect(parseCameraIds('["a",null,"b",null]', 4)).toEqual(['a', null, 'b', null]);
  });

  it('pads, cuts and drops non-strings so a damaged row still gives a wall of its size', () => {
    expect(parseCameraIds('["a"]', 4)).toEqual(['a', null, null, null]);
    expect(parseCameraIds('["a","b","c"]', 1)).toEqual(['a']);
    expect(parseCameraIds('[1,{},"",true]', 4)).toEqual([null, null, null, null]);
    expect(parseCameraIds('not json', 1)).toEqual([null]);
    expect(parseCameraIds('{"a":1}', 1)).toEqual([null]);
  });
});

describe('whether a tile may play', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const camera = (consent_tier: string, owner: string | null = 'owner-1'): CameraAccessFacts => ({
    owner_user_id: owner,
    owner_kind: 'household',
    jurisdiction_path: '/01/001/',
    consent_tier,
    consent_expires_at: null,
  });
  const police: Actor = {
    id: 'p-1',
    username: 'p',
    displayName: 'p',
    role: 'ward_police',
    jurisdictionId: 'u',
    scopePath: '/01/',
    via: 'session',
  };

  it('plays live_always cameras for police in the area, with a reason', () => {
    expect(wallLive(police, camera('live_always'), now, false)).toEqual({
      live: 'allowed',
      liveMessage: null,
      reasonRequired: true,
    });
  });

  it('marks live_on_alarm cameras on_alarm while no grant is active', () => {
    const decision = wallLive(police, camera('live_on_alarm'), now, false);
    expect(decision.live).toBe('on_alarm');
    expect(decision.liveMessage).toMatch(/only during an alarm/);
    expect(grantMatters(police, camera('live_on_alarm'), now)).toBe(true);
  });

  it('plays live_on_alarm cameras while an alarm or incident grants it', () => {
    expect(wallLive(police, camera('live_on_alarm'), now, true)).toEqual({
      live: 'allowed',
      liveMessage: null,
      reasonRequired: true,
    });
  });

  it('refuses on_request cameras with the reason shown on the tile, grant or not', () => {
    const decision = wallLive(police, camera('on_request'), now, true);
    expect(decision.live).toBe('denied');
    expect(decision.liveMessage).toMatch(/does not share live view/);
    expect(grantMatters(police, camera('on_request'), now)).toBe(false);
    expect(grantMatters(police, camera('live_always'), now)).toBe(false);
  });

  it('plays an owner’s own camera whatever it shares, without a reason', () => {
    const owner: Actor = { ...police, id: 'owner-1', role: 'camera_owner' };
    expect(wallLive(owner, camera('registry_only'), now, false)).toEqual({
      live: 'allowed',
      liveMessage: null,
      reasonRequired: false,
    });
  });
});
