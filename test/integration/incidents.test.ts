import { beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.schemas';
import { vietnamYear } from '../../src/incidents/incident-input';
import { giveTestUnitsBoundaries, unitPath } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// Cases through the HTTP API on both databases: filing, numbering, scope, search, the
// lifecycle with its outcome, and the bad input each refusal names.

const minute = 60_000;
const hour = 60 * minute;
const tanXuan1 = { latitude: 21.0752, longitude: 105.7871 };
const coNhue = { latitude: 21.0628, longitude: 105.7781 };
const thachTri = { latitude: 18.405, longitude: 105.86 };

interface ErrorBody {
  error: { code: string; field?: string };
}

describeEachDatabase('incidents', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const year = vietnamYear(new Date());
  const window = () => ({
    from: new Date(Date.now() - 2 * hour).toISOString(),
    to: new Date(Date.now() - 30 * minute).toISOString(),
  });

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    for (const [username, role, unit] of [
      ['xd.police', 'ward_police', unitIds.xuanDinh],
      ['cn.police', 'ward_police', unitIds.coNhue],
      ['hn.police', 'provincial_police', unitIds.hanoi],
      ['xd.official', 'ward_official', unitIds.xuanDinh],
      ['admin', 'admin', null],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });

  const file = async (who: string, extra: object = {}) => {
    const response = await call(who, 'POST', '/api/incidents', {
      type: 'theft',
      description: 'Mất trộm xe máy Honda trước cửa nhà',
      ...tanXuan1,
      address: 'Ngõ 12 Xuân Đỉnh',
      ...window(),
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Incident>();
  };

  const auditOf = (id: string) =>
    h.ctx.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();

  it('files a case at a point, numbered for the ward that holds it, and audits it', async () => {
    const incident = await file('xd.police', {
      reporterName: 'Nguyễn Văn A',
      reporterPhone: '0912 345 678',
    });
    expect(incident).toMatchObject({
      caseNumber: `00611-${year}-0001`,
      unitId: unitIds.xuanDinh,
      unitName: 'Xuân Đỉnh',
      jurisdictionPath: await unitPath(h.ctx, unitIds.tanXuan1),
      type: 'theft',
      status: 'open',
      reporterPhone: '0912345678',
      investigatingAt: null,
      outcome: { footageHelped: null, helpedBy: [], note: null },
    });
    expect(await file('xd.police')).toMatchObject({ caseNumber: `00611-${year}-0002` });
    const [event] = await auditOf(incident.id);
    expect(event).toMatchObject({
      action: 'incident.create',
      actor_username: 'xd.police',
      target_type: 'incident',
      jurisdiction_path: incident.jurisdictionPath,
    });
    const fetched = await call('xd.police', 'GET', `/api/incidents/${incident.id}`);
    expect(fetched.json<Incident>()).toEqual(incident);
  });

  it('numbers ten cases filed at once 0001 to 0010, no gaps and no duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call('admin', 'POST', '/api/incidents', {
          type: 'public_disorder',
          description: `Gây rối trật tự lần ${i + 1}`,
          ...thachTri,
          ...window(),
        }),
      ),
    );
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const numbers = responses.map((response) => response.json<Incident>().caseNumber).sort();
    expect(numbers).toEqual(
      Array.from({ length: 10 }, (_, i) => `18505-${year}-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('keeps a ward’s cases from another ward’s police, in the list and by id', async () => {
    const xuanDinh = await file('xd.police', { description: 'Trộm điện thoại ở Xuân Đỉnh' });
    const coNhueCase = await file('cn.police', { ...coNhue, description: 'Trộm ở Cổ Nhuế' });
    expect(coNhueCase.caseNumber).toBe(`00613-${year}-0001`);
    const haTinhCase = await file('admin', { ...thachTri, description: 'Trộm ở Thạch Trị' });

    expect((await call('cn.police', 'GET', `/api/incidents/${xuanDinh.id}`)).statusCode).toBe(403);
    const cnList = (await call('cn.police', 'GET', '/api/incidents')).json<{ items: Incident[] }>();
    expect(cnList.items.map((item) => item.id)).toEqual([coNhueCase.id]);

    const xdIds = (await call('xd.police', 'GET', '/api/incidents'))
      .json<{ items: Incident[] }>()
      .items.map((item) => item.id);
    expect(xdIds).toContain(xuanDinh.id);
    expect(xdIds).not.toContain(coNhueCase.id);

    const hnIds = (await call('hn.police', 'GET', '/api/incidents?limit=200'))
      .json<{ items: Incident[] }>()
      .items.map((item) => item.id);
    expect(hnIds).toEqual(expect.arrayContaining([xuanDinh.id, coNhueCase.id]));
    expect(hnIds).not.toContain(haTinhCase.id);
    const adminIds = (await call('admin', 'GET', '/api/incidents?limit=200'))
      .json<{ items: Incident[] }>()
      .items.map((item) => item.id);
    expect(adminIds).toEqual(expect.arrayContaining([xuanDinh.id, coNhueCase.id, haTinhCase.id]));

    const elsewhere = await call('cn.police', 'POST', '/api/incidents', {
      type: 'theft',
      description: 'Ngoài địa bàn',
      ...tanXuan1,
      ...window(),
    });
    expect(elsewhere.statusCode).toBe(403);
    expect((await call('xd.official', 'GET', '/api/incidents')).statusCode).toBe(403);
    expect((await call('xd.official', 'GET', `/api/incidents/${xuanDinh.id}`)).statusCode).toBe(
      403,
    );
  });

  it('searches without accents across number, description and address, filters and pages', async () => {
    const snatch = await file('xd.police', {
      type: 'snatch_robbery',
      description: 'Cướp giật túi xách trên đường Phạm Văn Đồng',
      address: 'Số 5 đường Phạm Văn Đồng',
    });
    const list = async (query: string) =>
      (await call('xd.police', 'GET', `/api/incidents?${query}`))
        .json<{ items: Incident[] }>()
        .items.map((item) => item.id);
    expect(await list('q=cuop+giat+pham+van+dong')).toEqual([snatch.id]);
    expect(await list('q=SO+5+DUONG')).toEqual([snatch.id]);
    expect(await list(`q=${encodeURIComponent(snatch.caseNumber)}`)).toEqual([snatch.id]);
    expect(await list('type=snatch_robbery')).toEqual([snatch.id]);
    expect(await list('status=solved')).toEqual([]);

    const all = await list('limit=200');
    const firstPage = await list('limit=2');
    expect(firstPage).toEqual(all.slice(0, 2));
    const secondPage = await list(`limit=2&before=${firstPage[1]}`);
    expect(secondPage).toEqual(all.slice(2, 4));
    const bad = await call('xd.police', 'GET', '/api/incidents?type=arson');
    expect(bad.json<ErrorBody>().error.field).toBe('type');
  });

  it('moves a case through investigating and solved to closed, stamping each step', async () => {
    const incident = await file('xd.police');
    const move = (payload: object) =>
      call('xd.police', 'POST', `/api/incidents/${incident.id}/status`, payload);

    const investigating = await move({ status: 'investigating' });
    expect(investigating.statusCode, investigating.body).toBe(200);
    expect(investigating.json<Incident>().investigatingAt).not.toBeNull();

    const noOutcome = await move({ status: 'solved' });
    expect([noOutcome.statusCode, noOutcome.json<ErrorBody>().error.field]).toEqual([
      400,
      'footageHelped',
    ]);
    const noneWithHelp = await move({ status: 'solved', footageHelped: true, helpedBy: ['none'] });
    expect(noneWithHelp.json<ErrorBody>().error.field).toBe('helpedBy');

    const solved = await move({
      status: 'solved',
      footageHelped: true,
      helpedBy: ['suspect', 'vehicle'],
      note: 'Camera nhận rõ biển số',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(solved.json<Incident>()).toMatchObject({
      status: 'solved',
      outcome: {
        footageHelped: true,
        helpedBy: ['suspect', 'vehicle'],
        note: 'Camera nhận rõ biển số',
      },
    });
    expect(solved.json<Incident>().resolvedAt).not.toBeNull();

    const closed = await move({ status: 'closed' });
    expect(closed.json<Incident>()).toMatchObject({ status: 'closed' });
    expect(closed.json<Incident>().closedAt).not.toBeNull();

    const again = await move({ status: 'investigating' });
    expect([again.statusCode, again.json<ErrorBody>().error.field]).toEqual([409, 'status']);
    const edit = await call('xd.police', 'PATCH', `/api/incidents/${incident.id}`, {
      description: 'Sửa sau khi đóng',
    });
    expect(edit.statusCode).toBe(409);

    const events = (await auditOf(incident.id)).filter((e) => e.action === 'incident.status');
    expect(events.map((e) => JSON.parse(e.details ?? '{}') as { to: string })).toMatchObject([
      { from: 'open', to: 'investigating' },
      {
        from: 'investigating',
        to: 'solved',
        footageHelped: true,
        helpedBy: ['suspect', 'vehicle'],
      },
      { from: 'solved', to: 'closed' },
    ]);
    expect(events.every((e) => e.jurisdiction_path === incident.jurisdictionPath)).toBe(true);
  });

  it('records an unsolved case where footage did not help', async () => {
    const incident = await file('xd.police');
    const response = await call('xd.police', 'POST', `/api/incidents/${incident.id}/status`, {
      status: 'unsolved',
      footageHelped: false,
    });
    expect(response.json<Incident>()).toMatchObject({
      status: 'unsolved',
      outcome: { footageHelped: false, helpedBy: ['none'] },
    });
  });

  it('edits a case’s description and window, audited with what changed', async () => {
    const incident = await file('xd.police');
    const from = new Date(Date.now() - 3 * hour).toISOString();
    const response = await call('xd.police', 'PATCH', `/api/incidents/${incident.id}`, {
      description: 'Mất trộm xe máy, nghi phạm đi về phía cầu',
      from,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Incident>()).toMatchObject({
      description: 'Mất trộm xe máy, nghi phạm đi về phía cầu',
      from,
      to: incident.to,
    });
    const tooLong = await call('xd.police', 'PATCH', `/api/incidents/${incident.id}`, {
      from: new Date(Date.now() - 20 * hour).toISOString(),
    });
    expect(tooLong.json<ErrorBody>().error.field).toBe('to');
    const update = (await auditOf(incident.id)).find((e) => e.action === 'incident.update');
    expect(JSON.parse(update?.details ?? '{}')).toMatchObject({
      changed: expect.arrayContaining(['description', 'from_ms', 'to_ms']) as unknown,
    });
  });

  it('names the field of a three-day window, a point at sea, a bad type and a bad phone', async () => {
    const base = { type: 'theft', description: 'Trộm', ...tanXuan1, ...window() };
    const refused = async (payload: object) => {
      const response = await call('xd.police', 'POST', '/api/incidents', payload);
      expect(response.statusCode, response.body).toBe(400);
      return response.json<ErrorBody>().error.field;
    };
    expect(
      await refused({
        ...base,
        from: new Date(Date.now() - 3 * 24 * hour).toISOString(),
        to: new Date(Date.now() - hour).toISOString(),
      }),
    ).toBe('to');
    expect(await refused({ ...base, latitude: 20.0, longitude: 107.5 })).toBe('point');
    expect(await refused({ ...base, type: 'arson' })).toBe('type');
    expect(await refused({ ...base, description: '   ' })).toBe('description');
    expect(await refused({ ...base, reporterPhone: 'abc' })).toBe('reporterPhone');
    expect(
      await refused({
        ...base,
        from: new Date(Date.now() + hour).toISOString(),
        to: new Date(Date.now() + 2 * hour).toISOString(),
      }),
    ).toBe('from');
    const count = await h.ctx.db.kysely
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('description', '=', 'Trộm')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
