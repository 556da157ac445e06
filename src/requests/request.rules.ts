import type { ConsentTier } from '../cameras/camera.types';
import type { FootageRequestStatus } from '../platform/db/schema';
import { badRequest, conflict } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// The rules of a footage request, as pure functions: the window and deadline a request may
// ask for, when our own recording answers it without the owner, and which answer is allowed
// from which state. Unit-tested without a database.

export const maxWindowMs = 12 * 3_600_000;
export const maxCamerasPerCall = 50;

export function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms))
    throw badRequest(`${field} must be an ISO-8601 date and time`, field);
  return ms;
}

/** The window asked for: the incident's unless given, at most 12 hours, starting before now. */
export function requestWindow(
  input: { from?: string | undefined; to?: string | undefined },
  incident: { from_ms: number; to_ms: number },
  nowMs: number,
): { fromMs: number; toMs: number } {
  const fromMs =
    input.from === undefined ? Number(incident.from_ms) : parseInstant(input.from, 'from');
  const toMs = input.to === undefined ? Number(incident.to_ms) : parseInstant(input.to, 'to');
  if (toMs <= fromMs) throw badRequest('to must be after from', 'to');
  if (toMs - fromMs > maxWindowMs)
    throw badRequest('a request may cover at most 12 hours: ask for a shorter window', 'to');
  if (fromMs >= nowMs) throw badRequest('the window must start before now', 'from');
  return { fromMs, toMs };
}

export function requestDeadline(value: string, nowMs: number): string {
  const ms = parseInstant(value, 'deadline');
  if (ms <= nowMs) throw badRequest('the deadline must be in the future', 'deadline');
  return new Date(ms).toISOString();
}

/** NFC text of `min`–`max` characters, or 400 naming the field. */
export function reasonText(value: string, field: string, min = 3, max = 500): string {
  const text = normalizeText(value);
  if (text.length < min || text.length > max)
    throw badRequest(`${field} must be ${min} to ${max} characters`, field);
  return text;
}

/** Each camera once, in the order given; 1 to 50 of them. */
export function uniqueCameraIds(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length < 1 || unique.length > maxCamerasPerCall)
    throw badRequest(`name 1 to ${maxCamerasPerCall} cameras`, 'cameraIds');
  return unique;
}

export interface CameraFacts {
  code: string;
  status: string;
  decommissioned_at: string | null;
}

/** Why footage of this camera cannot be asked for, or null. */
export function cameraProblem(camera: CameraFacts, tier: ConsentTier): string | null {
  if (camera.status === 'decommissioned' || camera.decommissioned_at !== null)
    return `camera ${camera.code} is decommissioned`;
  if (tier === 'registry_only')
    return `camera ${camera.code} does not share footage: contact the owner`;
  return null;
}

/**
 * Footage we record of a camera whose owner shares it live is police footage already: such a
 * request needs no answer from the owner and is extracted at once.
 */
export function sharedByConsent(tier: ConsentTier, recordedByUs: boolean): boolean {
  return recordedByUs && (tier === 'live_always' || tier === 'live_on_alarm');
}

/** 409 unless an owner's answer (approve or decline) may still be given. */
export function requireAnswerable(
  status: FootageRequestStatus,
  answer: 'approve' | 'decline',
): void {
  switch (status) {
    case 'pending':
      return;
    case 'approved':
      throw conflict(
        answer === 'approve' ? 'already approved' : 'this request is already approved',
      );
    case 'fulfilled':
      throw conflict('this request is already fulfilled');
    case 'declined':
      throw conflict('this request was declined');
    case 'cancelled':
      throw conflict('this request was cancelled');
  }
}

export function requireCancellable(status: FootageRequestStatus): void {
  switch (status) {
    case 'pending':
    case 'approved':
      return;
    case 'fulfilled':
      throw conflict('this request is already fulfilled');
    case 'declined':
      throw conflict('this request was declined');
    case 'cancelled':
      throw conflict('this request was cancelled');
  }
}

/** Owners may send files until the request is declined or cancelled, several if need be. */
export function requireUploadable(status: FootageRequestStatus): void {
  switch (status) {
    case 'pending':
    case 'approved':
    case 'fulfilled':
      return;
    case 'declined':
      throw conflict('this request was declined');
    case 'cancelled':
      throw conflict('this request was cancelled');
  }
}
