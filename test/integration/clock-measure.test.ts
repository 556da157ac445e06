import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureCameraClock } from '../../src/evidence/clock/measure';
import type { CameraTable } from '../../src/platform/db/schema';
import { redactUrl, SecretBox } from '../../src/platform/secret-box';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { describeEachDatabase } from '../helpers/harness';

// The clock offset an extracted clip records: measured from the camera's main stream, with its
// stored (sealed) URL opened the way the recorder opens it, and never a credential in the note.

const credentials = { username: 'warden', password: 'Kh0a-bi-mat-42' };

function cameraRow(sealedUrl: string | null): CameraTable {
  const now = new Date().toISOString();
  return {
    id: 'cam-clock-test',
    code: 'CAM-CLOCK-1',
    name: 'Cổng chợ',
    search_text: 'cong cho',
    owner_kind: 'ward',
    owner_user_id: null,
    owner_name: null,
    owner_phone: null,
    owner_email: null,
    jurisdiction_id: 'unit',
    jurisdiction_path: '/unit/',
    address: null,
    latitude: 21.0752,
    longitude: 105.7871,
    lat_cell: 2107,
    heading: 90,
    fov: 90,
    range_m: 30,
    status: 'active',
    consent_tier: 'always',
    consent_expires_at: null,
    main_stream_enc: sealedUrl,
    sub_stream_enc: null,
    main_stream_display: null,
    sub_stream_display: null,
    recording_enabled: 1,
    retention_days: 30,
    signage_posted: 1,
    installed_on: null,
    funding_source: null,
    cost_vnd: null,
    make_model: null,
    notes: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    decommissioned_at: null,
  };
}

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, cameras: 2, credentials, clockSkewMs: { 1: -4000 } });
});
afterAll(async () => {
  await sim?.close();
});

describeEachDatabase('measuring a camera clock', (h) => {
  it('opens the sealed stream URL and measures the offset, noting the uncertainty', async () => {
    const camera = cameraRow(h().ctx.box.seal(sim.url(1)));
    const clock = await measureCameraClock(h().ctx, camera);
    expect(clock.offsetMs).not.toBeNull();
    expect(Math.abs(clock.offsetMs! + 4000)).toBeLessThan(300);
    expect(clock.offsetMs !== null && clock.measuredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(clock.note).toMatch(/^camera clock -\d+ ms from true time, .*; ±\d+ ms/);
    expect(clock.note).not.toContain(credentials.password);
  });

  it('returns a null offset with the reason, without the password, when the login is refused', async () => {
    sim.fault(2, 'refuse');
    try {
      const camera = cameraRow(h().ctx.box.seal(sim.url(2)));
      const started = Date.now();
      const clock = await measureCameraClock(h().ctx, camera, 2000);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(clock).toEqual({
        offsetMs: null,
        note: 'camera clock not measured: the camera refused the stored login (401)',
      });
      expect(JSON.stringify(clock)).not.toContain(credentials.password);
      expect(JSON.stringify(clock)).not.toContain(redactUrl(sim.url(2)));
    } finally {
      sim.fault(2, 'recover');
    }
  });

  it('returns a null offset within the timeout for a camera that does not answer', async () => {
    sim.fault(2, 'stall');
    try {
      // A stalled camera answers RTSP but sends no media, so no sender report ever comes.
      const camera = cameraRow(h().ctx.box.seal(sim.url(2)));
      const started = Date.now();
      const clock = await measureCameraClock(h().ctx, camera, 1500);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(clock).toEqual({
        offsetMs: null,
        note: 'camera clock not measured: no RTCP sender report within 1500 ms',
      });
    } finally {
      sim.fault(2, 'recover');
    }
  });

  it('says why for a camera with no stream URL or one sealed with another key', async () => {
    expect(await measureCameraClock(h().ctx, cameraRow(null))).toEqual({
      offsetMs: null,
      note: 'camera clock not measured: the camera has no stream URL',
    });
    const broken = new SecretBox(randomBytes(32).toString('hex')).seal(sim.url(1));
    expect(await measureCameraClock(h().ctx, cameraRow(broken))).toEqual({
      offsetMs: null,
      note: 'camera clock not measured: the stored stream URL cannot be decrypted',
    });
  });
});
