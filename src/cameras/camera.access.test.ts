import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/actor';
import {
  canChangeConsent,
  canEditCamera,
  canReadCamera,
  contactAccess,
  effectiveConsentTier,
  registrationProblem,
  streamDetailsVisible,
  type CameraAccessFacts,
} from './camera.access';

const xuanDinh = '/hn/btl/xd/';
const tanXuan = '/hn/btl/xd/tx1/';
const coNhue = '/hn/btl/cn/';

function actor(role: Role, scopePath: string | null = xuanDinh, id = `${role}-1`): Actor {
  return {
    id,
    username: id,
    displayName: id,
    role,
    jurisdictionId: 'x',
    scopePath,
    via: 'session',
  };
}

function camera(overrides: Partial<CameraAccessFacts> = {}): CameraAccessFacts {
  return {
    owner_user_id: null,
    owner_kind: 'ward',
    jurisdiction_path: tanXuan,
    consent_tier: 'registry_only',
    consent_expires_at: null,
    ...overrides,
  };
}

const now = new Date('2026-03-01T00:00:00Z');

describe('canReadCamera', () => {
  it('lets police and officials read cameras in their unit subtree only', () => {
    for (const role of ['provincial_police', 'ward_police', 'ward_official'] as const) {
      expect(canReadCamera(actor(role), camera())).toBe(true);
      expect(canReadCamera(actor(role), camera({ jurisdiction_path: coNhue }))).toBe(false);
    }
  });

  it('lets the admin read everything and an auditor nothing', () => {
    expect(canReadCamera(actor('admin', null), camera({ jurisdiction_path: coNhue }))).toBe(true);
    expect(canReadCamera(actor('auditor'), camera())).toBe(false);
  });

  it('lets a camera owner read only their own cameras, wherever they are', () => {
    const owner = actor('camera_owner');
    expect(
      canReadCamera(owner, camera({ owner_user_id: owner.id, jurisdiction_path: coNhue })),
    ).toBe(true);
    expect(canReadCamera(owner, camera())).toBe(false);
    expect(canEditCamera(owner, camera({ owner_user_id: 'someone-else' }))).toBe(false);
  });
});

describe('canChangeConsent', () => {
  it("leaves an owner's consent to the owner (and the admin), not the police", () => {
    const owner = actor('camera_owner');
    const owned = camera({ owner_kind: 'household', owner_user_id: owner.id });
    expect(canChangeConsent(owner, owned)).toBe(true);
    expect(canChangeConsent(actor('admin', null), owned)).toBe(true);
    expect(canChangeConsent(actor('ward_police'), owned)).toBe(false);
    expect(canEditCamera(actor('ward_police'), owned)).toBe(true);
  });

  it("lets officials in scope set a unit camera's tier", () => {
    expect(canChangeConsent(actor('ward_official'), camera())).toBe(true);
    expect(canChangeConsent(actor('ward_official'), camera({ jurisdiction_path: coNhue }))).toBe(
      false,
    );
  });
});

describe('effectiveConsentTier', () => {
  it('treats a tier past its expiry as registry_only', () => {
    expect(
      effectiveConsentTier(
        { consent_tier: 'live_always', consent_expires_at: '2026-02-28T23:59:59.000Z' },
        now,
      ),
    ).toBe('registry_only');
    expect(
      effectiveConsentTier(
        { consent_tier: 'live_always', consent_expires_at: '2026-03-01T00:00:01.000Z' },
        now,
      ),
    ).toBe('live_always');
    expect(
      effectiveConsentTier({ consent_tier: 'on_request', consent_expires_at: null }, now),
    ).toBe('on_request');
  });
});

describe('contact and stream visibility', () => {
  it("hides a household owner's contact from police unless they give a reason", () => {
    expect(contactAccess(actor('ward_police'), camera({ owner_kind: 'household' }))).toBe(
      'with_reason',
    );
    expect(contactAccess(actor('ward_police'), camera({ owner_kind: 'school' }))).toBe(
      'with_reason',
    );
    expect(contactAccess(actor('ward_police'), camera({ owner_kind: 'residential_group' }))).toBe(
      'visible',
    );
    const owner = actor('camera_owner');
    expect(contactAccess(owner, camera({ owner_kind: 'household', owner_user_id: owner.id }))).toBe(
      'visible',
    );
  });

  it("shows a private camera's stream location to police only while live sharing is consented", () => {
    const police = actor('ward_police');
    const business = camera({ owner_kind: 'business' });
    expect(streamDetailsVisible(police, business, now)).toBe(false);
    expect(streamDetailsVisible(police, { ...business, consent_tier: 'live_always' }, now)).toBe(
      true,
    );
    expect(
      streamDetailsVisible(
        police,
        {
          ...business,
          consent_tier: 'live_always',
          consent_expires_at: '2026-01-01T00:00:00.000Z',
        },
        now,
      ),
    ).toBe(false);
    expect(streamDetailsVisible(police, camera(), now)).toBe(true);
  });
});

describe('registrationProblem', () => {
  it('lets owners register only their own household, business, school or agency cameras', () => {
    const owner = actor('camera_owner', '/none/');
    expect(
      registrationProblem(owner, {
        ownerKind: 'household',
        ownerUserId: owner.id,
        jurisdictionPath: coNhue,
      }),
    ).toBeNull();
    expect(
      registrationProblem(owner, {
        ownerKind: 'ward',
        ownerUserId: owner.id,
        jurisdictionPath: coNhue,
      })?.field,
    ).toBe('ownerKind');
    expect(
      registrationProblem(owner, {
        ownerKind: 'household',
        ownerUserId: 'other',
        jurisdictionPath: coNhue,
      })?.field,
    ).toBe('ownerUserId');
  });

  it('keeps officials inside their subtree and away from owner accounts', () => {
    const official = actor('ward_official');
    expect(
      registrationProblem(official, {
        ownerKind: 'ward',
        ownerUserId: null,
        jurisdictionPath: tanXuan,
      }),
    ).toBeNull();
    expect(
      registrationProblem(official, {
        ownerKind: 'ward',
        ownerUserId: null,
        jurisdictionPath: coNhue,
      })?.field,
    ).toBe('jurisdictionCode');
    expect(
      registrationProblem(official, {
        ownerKind: 'household',
        ownerUserId: 'u1',
        jurisdictionPath: tanXuan,
      })?.field,
    ).toBe('ownerUserId');
    expect(
      registrationProblem(
        official,
        { ownerKind: 'household', ownerUserId: 'u1', jurisdictionPath: tanXuan },
        false,
      ),
    ).toBeNull();
    expect(
      registrationProblem(actor('auditor'), {
        ownerKind: 'ward',
        ownerUserId: null,
        jurisdictionPath: tanXuan,
      }),
    ).not.toBeNull();
  });

  it('lets the system and the admin register anything', () => {
    expect(
      registrationProblem(null, { ownerKind: 'ward', ownerUserId: 'u1', jurisdictionPath: coNhue }),
    ).toBeNull();
    expect(
      registrationProblem(actor('admin', null), {
        ownerKind: 'ward',
        ownerUserId: 'u1',
        jurisdictionPath: coNhue,
      }),
    ).toBeNull();
  });
});
