import { afterEach, beforeAll, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createCameras } from '../../src/cameras/camera.service';
import { HealthTracker } from '../../src/recording/camera-health';
import type { CameraTarget } from '../../src/recording/recorder-settings';
import { cameraInput, createWorld, type Person, type World } from '../fixtures/cameras/world';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';
import { collectingLogger, waitFor } from './recording.suite';

interface Message {
  type: string;
  at: string;
  data: { cameraId?: string; state?: string };
}

describeEachDatabase('events WebSocket', (h) => {
  let world: World;
  const trackers = new Map<string, HealthTracker>();
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    world = await createWorld(h());
    const ids = await createCameras(h().ctx, null, [
      cameraInput({ code: 'EV-XD', ownerKind: 'household', ownerUserId: world.ids.owner }),
      cameraInput({ code: 'EV-XD-2', ownerKind: 'household', ownerUserId: world.ids.otherOwner }),
      cameraInput({ code: 'EV-CN', jurisdictionCode: undefined, jurisdictionId: unitIds.coNhue }),
    ]);
    const rows = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .select(['id', 'code', 'name', 'jurisdiction_path', 'owner_user_id'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) {
      const target: CameraTarget = {
        id: row.id,
        code: row.code,
        name: row.name,
        jurisdictionPath: row.jurisdiction_path,
        ownerUserId: row.owner_user_id,
        sealedUrl: '',
      };
      // The recorder's own health tracker publishes the events, as it does for a real camera.
      trackers.set(row.code, new HealthTracker(h().ctx, () => target, collectingLogger([])));
    }
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.terminate();
  });

  async function listen(person: Person): Promise<Message[]> {
    const messages: Message[] = [];
    const socket = await h().app.injectWS('/api/events', {
      headers: { cookie: world.cookies[person] },
    });
    sockets.push(socket);
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as Message));
    return messages;
  }

  const idOf = (code: string) =>
    h()
      .ctx.db.kysely.selectFrom('cameras')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  /** Publishes `others` first, then `mine`; once `mine` arrives, anything sent before it has too. */
  async function received(
    person: Person,
    others: string[],
    mine: string,
    state: 'connecting' | 'online' | 'offline',
  ) {
    const messages = await listen(person);
    for (const code of others) await trackers.get(code)!.set(state, null);
    await trackers.get(mine)!.set(state, null);
    const { id } = await idOf(mine);
    await waitFor('the event', () => messages.some((m) => m.data.cameraId === id), 5000);
    return messages;
  }

  it('sends a ward police viewer the health of their ward’s camera, not another ward’s', async () => {
    const messages = await received('xuanDinhPolice', ['EV-CN'], 'EV-XD', 'connecting');
    const { id } = await idOf('EV-XD');
    expect(messages).toEqual([
      {
        type: 'camera.health',
        at: expect.any(String) as string,
        data: expect.objectContaining({
          cameraId: id,
          code: 'EV-XD',
          state: 'connecting',
        }) as object,
      },
    ]);
  });

  it('sends a camera owner their own camera’s events, not a neighbour’s on the same street', async () => {
    const messages = await received('owner', ['EV-XD-2', 'EV-CN'], 'EV-XD', 'online');
    expect(messages.map((m) => m.data.cameraId)).toEqual([(await idOf('EV-XD')).id]);
  });

  it('sends an administrator every camera’s events', async () => {
    const messages = await received('admin', ['EV-CN', 'EV-XD-2'], 'EV-XD', 'offline');
    expect(messages).toHaveLength(3);
  });

  it('keeps where the camera is and who owns it off the wire', async () => {
    const messages = await received('xuanDinhPolice', [], 'EV-XD', 'online');
    const text = JSON.stringify(messages);
    expect(text).not.toContain('jurisdictionPath');
    expect(text).not.toContain(world.ids.owner);
  });

  it('refuses the upgrade without a session', async () => {
    await expect(h().app.injectWS('/api/events')).rejects.toThrow(/401/);
  });
});
