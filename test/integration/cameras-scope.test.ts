import { beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../src/cameras/camera.schemas';
import {
  createWorld,
  cameraInput,
  type ApiErrorBody,
  type CameraListBody,
  type Person,
  type World,
  apiCaller,
} from '../fixtures/cameras/world';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';

describeEachDatabase('camera scope, ownership and consent', (h) => {
  let world: World;
  let xuanDinhCamera: string;

  beforeAll(async () => {
    world = await createWorld(h());
    xuanDinhCamera = (
      await call(
        'admin',
        'POST',
        '/api/cameras',
        cameraInput({ code: 'S-XD', jurisdictionCode: '00611', ownerKind: 'ward' }),
      )
    ).json<Camera>().id;
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({ code: 'S-CN', jurisdictionCode: '00613', ownerKind: 'ward' }),
    );
  });

  const call = apiCaller(h, () => world);
  const codes = async (person: Person, url: string) =>
    ((await call(person, 'GET', url)).json<CameraListBody>().items as { code: string }[])
      .map((c) => c.code)
      .sort();

  describe('jurisdiction scope', () => {
    it("refuses a ward police account another ward's camera with 403, for every kind of access", async () => {
      expect((await call('coNhuePolice', 'GET', `/api/cameras/${xuanDinhCamera}`)).statusCode).toBe(
        403,
      );
      expect(
        (await call('coNhuePolice', 'PATCH', `/api/cameras/${xuanDinhCamera}`, { heading: 1 }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await call('coNhuePolice', 'POST', `/api/cameras/${xuanDinhCamera}/decommission`, {
            reason: 'x',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await call('coNhuePolice', 'PUT', `/api/cameras/${xuanDinhCamera}/consent`, {
            consentTier: 'live_always',
          })
        ).statusCode,
      ).toBe(403);
      const body = (await call('coNhuePolice', 'GET', `/api/cameras/${xuanDinhCamera}`)).body;
      expect(body).not.toContain('S-XD');
      expect(
        (await call('admin', 'GET', `/api/cameras/${xuanDinhCamera}`)).json<Camera>().heading,
      ).toBe(90);
    });

    it("lists and maps only cameras inside the caller's unit", async () => {
      expect(await codes('coNhuePolice', '/api/cameras')).toEqual(['S-CN']);
      expect(await codes('xuanDinhPolice', '/api/cameras')).toEqual(['S-XD']);
      expect(await codes('coNhuePolice', '/api/cameras/map?bbox=105,21,106,22')).toEqual(['S-CN']);
      expect(await codes('provincialPolice', '/api/cameras')).toEqual(['S-CN', 'S-XD']);
    });

    it("answers 404 to a list filtered by a unit outside the caller's scope", async () => {
      expect(
        (await call('coNhuePolice', 'GET', `/api/cameras?jurisdictionId=${unitIds.xuanDinh}`))
          .statusCode,
      ).toBe(404);
      expect(
        (await call('coNhuePolice', 'GET', `/api/cameras/map?jurisdictionId=${unitIds.thachTri}`))
          .statusCode,
      ).toBe(404);
      // A unit above the caller's own is no leak: the answer is still only their own cameras.
      expect(await codes('coNhuePolice', `/api/cameras?jurisdictionId=${unitIds.hanoi}`)).toEqual([
        'S-CN',
      ]);
    });

    it('lets a residential group leader register only inside their group', async () => {
      const outside = await call(
        'tanXuanLeader',
        'POST',
        '/api/cameras',
        cameraInput({ code: 'S-LEADER-OUT', jurisdictionCode: '00613' }),
      );
      expect(outside.statusCode).toBe(403);
      expect(outside.json<ApiErrorBody>().error.field).toBe('jurisdictionCode');
      expect(
        (await call('admin', 'GET', '/api/cameras?q=s-leader-out')).json<CameraListBody>().total,
      ).toBe(0);
      const inside = await call(
        'tanXuanLeader',
        'POST',
        '/api/cameras',
        cameraInput({ code: 'S-LEADER-IN' }),
      );
      expect(inside.statusCode).toBe(201);
      expect(
        (await call('tanXuanLeader', 'GET', `/api/cameras/${xuanDinhCamera}`)).statusCode,
      ).toBe(403);
      const moved = await call(
        'tanXuanLeader',
        'PATCH',
        `/api/cameras/${inside.json<Camera>().id}`,
        { jurisdictionCode: '00613' },
      );
      expect(moved.statusCode).toBe(403);
    });

    it('keeps auditors and anonymous callers out of the registry', async () => {
      expect((await call('auditor', 'GET', '/api/cameras')).statusCode).toBe(403);
      expect((await call('auditor', 'GET', `/api/cameras/${xuanDinhCamera}`)).statusCode).toBe(403);
      expect((await call(null, 'GET', '/api/cameras')).statusCode).toBe(401);
      expect((await call(null, 'POST', '/api/cameras', cameraInput())).statusCode).toBe(401);
    });
  });

  describe('owner self-service', () => {
    let ownCamera: string;

    it("registers an owner's household camera as theirs, whatever the body says", async () => {
      const response = await call(
        'owner',
        'POST',
        '/api/cameras',
        cameraInput({
          code: 'S-HOME',
          ownerKind: 'household',
          ownerName: 'Nguyễn Văn An',
          ownerPhone: '0912345678',
          ownerUserId: world.ids.otherOwner,
          mainStreamUrl: 'rtsp://an:matkhau@10.0.0.8/live',
        }),
      );
      expect(response.statusCode).toBe(201);
      ownCamera = response.json<Camera>().id;
      expect(response.json()).toMatchObject({
        ownerUserId: world.ids.owner,
        ownerName: 'Nguyễn Văn An',
        contactHidden: false,
        canChangeConsent: true,
        mainStreamDisplay: 'rtsp://***@10.0.0.8/live',
      });
      expect(await codes('owner', '/api/cameras/mine')).toEqual(['S-HOME']);
      expect(await codes('owner', '/api/cameras')).toEqual(['S-HOME']);
      expect(await codes('otherOwner', '/api/cameras/mine')).toEqual([]);
    });

    it("refuses an owner a ward camera and anyone else's camera", async () => {
      const ward = await call('owner', 'POST', '/api/cameras', cameraInput({ ownerKind: 'ward' }));
      expect(ward.statusCode).toBe(403);
      expect(ward.json<ApiErrorBody>().error.field).toBe('ownerKind');
      expect((await call('otherOwner', 'GET', `/api/cameras/${ownCamera}`)).statusCode).toBe(403);
      expect(
        (await call('otherOwner', 'PATCH', `/api/cameras/${ownCamera}`, { name: 'x' })).statusCode,
      ).toBe(403);
      expect((await call('owner', 'GET', `/api/cameras/${xuanDinhCamera}`)).statusCode).toBe(403);
      const edited = await call('owner', 'PATCH', `/api/cameras/${ownCamera}`, {
        name: 'Cổng nhà An',
        heading: 200,
      });
      expect(edited.json()).toMatchObject({ name: 'Cổng nhà An', heading: 200 });
    });

    it("hides a household owner's contact and stream host from police until a reason is given, and audits the read", async () => {
      const plain = (
        await call('xuanDinhPolice', 'GET', `/api/cameras/${ownCamera}`)
      ).json<Camera>();
      expect(plain).toMatchObject({
        ownerName: null,
        ownerPhone: null,
        contactHidden: true,
        mainStreamDisplay: null,
        hasMainStream: true,
      });
      expect(plain.canChangeConsent).toBe(false);
      const listed = (
        await call('xuanDinhPolice', 'GET', '/api/cameras?q=s-home')
      ).json<CameraListBody>().items[0];
      expect(listed?.ownerPhone).toBeNull();

      const reason = 'vụ trộm xe máy đêm 12/3 tại ngõ 68';
      const revealed = await call(
        'xuanDinhPolice',
        'GET',
        `/api/cameras/${ownCamera}?reason=${encodeURIComponent(reason)}`,
      );
      expect(revealed.json()).toMatchObject({
        ownerName: 'Nguyễn Văn An',
        ownerPhone: '0912345678',
        contactHidden: false,
      });
      const event = await h()
        .ctx.db.kysely.selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'camera.contact_view')
        .where('target_id', '=', ownCamera)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        target_owner_id: world.ids.owner,
        reason,
        actor_role: 'ward_police',
      });
      expect(event.jurisdiction_path).toContain(unitIds.xuanDinh);
    });

    it('leaves the consent tier to the owner: police may not change it, the owner may, and it lapses at expiry', async () => {
      const byPolice = await call('xuanDinhPolice', 'PUT', `/api/cameras/${ownCamera}/consent`, {
        consentTier: 'live_always',
      });
      expect(byPolice.statusCode).toBe(403);
      const patched = await call('xuanDinhPolice', 'PATCH', `/api/cameras/${ownCamera}`, {
        consentTier: 'live_always',
      });
      expect(patched.statusCode).toBe(403);
      expect(patched.json<ApiErrorBody>().error.field).toBe('consentTier');

      const future = new Date(Date.now() + 86_400_000).toISOString();
      const byOwner = await call('owner', 'PUT', `/api/cameras/${ownCamera}/consent`, {
        consentTier: 'live_on_alarm',
        consentExpiresAt: future,
      });
      expect(byOwner.statusCode).toBe(200);
      expect(byOwner.json()).toMatchObject({
        consentTier: 'live_on_alarm',
        consentTierGranted: 'live_on_alarm',
        consentExpiresAt: future,
      });
      const seenByPolice = (
        await call('xuanDinhPolice', 'GET', `/api/cameras/${ownCamera}`)
      ).json<Camera>();
      expect(seenByPolice.mainStreamDisplay).toBe('rtsp://***@10.0.0.8/live');
      const event = await h()
        .ctx.db.kysely.selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'camera.consent_change')
        .where('target_id', '=', ownCamera)
        .executeTakeFirstOrThrow();
      expect(event.target_owner_id).toBe(world.ids.owner);

      const lapsed = await call('owner', 'PUT', `/api/cameras/${ownCamera}/consent`, {
        consentTier: 'live_always',
        consentExpiresAt: '2020-01-01T00:00:00Z',
      });
      expect(lapsed.json()).toMatchObject({
        consentTier: 'registry_only',
        consentTierGranted: 'live_always',
      });
      expect(
        (
          await call('owner', 'PUT', `/api/cameras/${ownCamera}/consent`, {
            consentTier: 'everything',
          })
        ).statusCode,
      ).toBe(400);
    });

    it("lets officials in scope set a unit camera's consent tier", async () => {
      const response = await call(
        'xuanDinhPolice',
        'PUT',
        `/api/cameras/${xuanDinhCamera}/consent`,
        { consentTier: 'live_always' },
      );
      expect(response.statusCode).toBe(200);
      expect(response.json<Camera>().consentTier).toBe('live_always');
    });
  });
});
