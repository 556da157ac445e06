import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { CameraAccessFacts } from './camera.access';
import { liveAccess, recordedFootageAccess } from './footage.access';

const now = new Date('2026-11-29T12:00:00Z');
const camera = (over: Partial<CameraAccessFacts> = {}): CameraAccessFacts => ({
  owner_user_id: 'owner-1',
  owner_kind: 'household',
  jurisdiction_path: '/01/001/00001/',
  consent_tier: 'live_always',
  consent_expires_at: null,
  ...over,
});
const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  id: `${role}-1`,
  username: role,
  displayName: role,
  role,
  jurisdictionId: 'unit',
  scopePath: '/01/001/00001/',
  via: 'session',
  ...over,
});

describe('live view access', () => {
  it('lets the owner watch their own camera whatever they share, without a reason', () => {
    const owner = actor('camera_owner', { id: 'owner-1' });
    expect(liveAccess(owner, camera({ consent_tier: 'registry_only' }), now, false)).toEqual({
      allowed: true,
      reasonRequired: false,
    });
  });

  it('lets ward police in the area watch a live_always camera with a reason', () => {
    expect(liveAccess(actor('ward_police'), camera(), now, false)).toEqual({
      allowed: true,
      reasonRequired: true,
    });
  });

  it('refuses police of another ward', () => {
    const away = actor('ward_police', { scopePath: '/01/001/00002/' });
    expect(liveAccess(away, camera(), now, false)).toEqual({
      allowed: false,
      message: 'this camera is outside your area',
    });
  });

  it('opens a live_on_alarm camera only while a grant is active', () => {
    const row = camera({ consent_tier: 'live_on_alarm' });
    expect(liveAccess(actor('ward_police'), row, now, false).allowed).toBe(false);
    expect(liveAccess(actor('ward_police'), row, now, true).allowed).toBe(true);
  });

  it('treats expired consent as registry only', () => {
    const row = camera({ consent_expires_at: '2026-11-01T00:00:00.000Z' });
    expect(liveAccess(actor('ward_police'), row, now, true).allowed).toBe(false);
  });

  it('refuses officials, other owners and auditors', () => {
    for (const role of ['ward_official', 'camera_owner', 'auditor'] as const) {
      expect(liveAccess(actor(role), camera(), now, true).allowed).toBe(false);
    }
  });
});

describe('recorded footage access', () => {
  it('lets police in the area use footage of live_* cameras with a reason', () => {
    for (const tier of ['live_always', 'live_on_alarm']) {
      expect(
        recordedFootageAccess(actor('ward_police'), camera({ consent_tier: tier }), now),
      ).toEqual({
        allowed: true,
        reasonRequired: true,
      });
    }
  });

  it('sends police to a footage request for on_request cameras', () => {
    const decision = recordedFootageAccess(
      actor('ward_police'),
      camera({ consent_tier: 'on_request' }),
      now,
    );
    expect(decision).toEqual({
      allowed: false,
      message: "footage of this camera needs the owner's approval of a footage request",
    });
  });

  it('lets provincial police anywhere in their province and admins everywhere', () => {
    const provincial = actor('provincial_police', { scopePath: '/01/' });
    expect(recordedFootageAccess(provincial, camera(), now).allowed).toBe(true);
    const admin = actor('admin', { scopePath: null });
    expect(recordedFootageAccess(admin, camera({ jurisdiction_path: '/79/' }), now).allowed).toBe(
      true,
    );
  });
});
