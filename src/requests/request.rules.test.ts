import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import {
  cameraProblem,
  reasonText,
  requestDeadline,
  requestWindow,
  requireAnswerable,
  requireCancellable,
  requireUploadable,
  sharedByConsent,
  uniqueCameraIds,
} from './request.rules';

const now = Date.parse('2025-03-02T00:00:00Z');
const incident = {
  from_ms: Date.parse('2025-03-01T10:00:00Z'),
  to_ms: Date.parse('2025-03-01T11:00:00Z'),
};

/** The error a call throws, for asserting its status and field. */
function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('request window', () => {
  it('defaults to the incident’s window', () => {
    expect(requestWindow({}, incident, now)).toEqual({
      fromMs: incident.from_ms,
      toMs: incident.to_ms,
    });
  });

  it('takes a window of exactly 12 hours', () => {
    const window = requestWindow(
      { from: '2025-03-01T00:00:00Z', to: '2025-03-01T12:00:00Z' },
      incident,
      now,
    );
    expect(window.toMs - window.fromMs).toBe(12 * 3_600_000);
  });

  it('refuses a window of 3 days, naming to', () => {
    const error = thrown(() =>
      requestWindow({ from: '2025-02-26T00:00:00Z', to: '2025-03-01T00:00:00Z' }, incident, now),
    );
    expect([error.status, error.field]).toEqual([400, 'to']);
    expect(error.message).toMatch(/12 hours/);
  });

  it('refuses an end before the start, and a window starting in the future', () => {
    expect(thrown(() => requestWindow({ to: '2025-03-01T09:00:00Z' }, incident, now)).field).toBe(
      'to',
    );
    const future = { from: '2025-03-03T00:00:00Z', to: '2025-03-03T01:00:00Z' };
    expect(thrown(() => requestWindow(future, incident, now)).field).toBe('from');
  });
});

describe('deadline, reason and cameras', () => {
  it('takes a future deadline and refuses a past one, naming deadline', () => {
    expect(requestDeadline('2025-03-05T00:00:00+07:00', now)).toBe('2025-03-04T17:00:00.000Z');
    expect(thrown(() => requestDeadline('2025-03-01T00:00:00Z', now)).field).toBe('deadline');
  });

  it('wants a reason of 3 to 500 characters after trimming, stored NFC', () => {
    expect(thrown(() => reasonText('  ab ', 'reason')).field).toBe('reason');
    expect(thrown(() => reasonText('x'.repeat(501), 'reason')).field).toBe('reason');
    expect(reasonText(' Xác minh vụ trộm '.normalize('NFD'), 'reason')).toBe('Xác minh vụ trộm');
  });

  it('takes each camera once and 1 to 50 of them', () => {
    expect(uniqueCameraIds(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(thrown(() => uniqueCameraIds([])).field).toBe('cameraIds');
    const many = Array.from({ length: 51 }, (_, i) => `c${i}`);
    expect(thrown(() => uniqueCameraIds(many)).field).toBe('cameraIds');
  });

  it('names a registry-only camera and a decommissioned one', () => {
    const camera = { code: 'CAM-1', status: 'online', decommissioned_at: null };
    expect(cameraProblem(camera, 'registry_only')).toBe(
      'camera CAM-1 does not share footage: contact the owner',
    );
    expect(cameraProblem({ ...camera, status: 'decommissioned' }, 'on_request')).toMatch(
      /decommissioned/,
    );
    expect(cameraProblem(camera, 'on_request')).toBeNull();
  });
});

describe('who answers', () => {
  it('needs no owner when we record a camera shared live', () => {
    expect(sharedByConsent('live_always', true)).toBe(true);
    expect(sharedByConsent('live_on_alarm', true)).toBe(true);
    expect(sharedByConsent('live_always', false)).toBe(false);
    expect(sharedByConsent('on_request', true)).toBe(false);
  });

  it('refuses a second approval as already approved, and a decline after approval', () => {
    expect(() => requireAnswerable('pending', 'approve')).not.toThrow();
    const again = thrown(() => requireAnswerable('approved', 'approve'));
    expect([again.status, again.message]).toEqual([409, 'already approved']);
    expect(thrown(() => requireAnswerable('approved', 'decline')).status).toBe(409);
    expect(thrown(() => requireAnswerable('cancelled', 'approve')).status).toBe(409);
  });

  it('cancels only open requests and takes uploads until declined or cancelled', () => {
    expect(() => requireCancellable('approved')).not.toThrow();
    expect(thrown(() => requireCancellable('fulfilled')).status).toBe(409);
    expect(() => requireUploadable('fulfilled')).not.toThrow();
    expect(thrown(() => requireUploadable('declined')).status).toBe(409);
  });
});
