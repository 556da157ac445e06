import Value from 'typebox/value';
import { normalizeText } from '../platform/text';
import { CameraInputSchema, type CameraInput, type CameraPatch } from './camera.types';

/** One problem with one field of one camera; `field` is the input (camelCase) name. */
export interface FieldProblem {
  field: string;
  reason: string;
}

type FieldName = keyof CameraInput;
type JsonSchema = Record<string, unknown>;

const fieldSchemas = CameraInputSchema.properties as unknown as Record<FieldName, JsonSchema>;
const fieldNames = Object.keys(fieldSchemas) as FieldName[];
const requiredFields: readonly FieldName[] = [
  'code',
  'name',
  'ownerKind',
  'latitude',
  'longitude',
  'heading',
  'fov',
  'rangeM',
];
const textFields: readonly FieldName[] = [
  'code',
  'name',
  'ownerName',
  'ownerPhone',
  'ownerEmail',
  'ownerUserId',
  'jurisdictionId',
  'jurisdictionCode',
  'address',
  'mainStreamUrl',
  'subStreamUrl',
  'fundingSource',
  'makeModel',
  'notes',
];
/** Fields that may be cleared: an empty string means "none". */
const nullableFields = new Set<FieldName>(
  fieldNames.filter(
    (name) =>
      Array.isArray(fieldSchemas[name].anyOf) &&
      JSON.stringify(fieldSchemas[name]).includes('"null"'),
  ),
);

/**
 * ffmpeg opens whatever URL it is given, including `file:`, `concat:` or `subfile:` inputs that
 * read the server's own disk, so only network camera protocols with a host are accepted.
 */
export const allowedStreamProtocols = ['rtsp:', 'rtsps:', 'http:', 'https:'] as const;

export function streamUrlProblem(url: string): string | null {
  // The URL parser silently drops tabs and newlines; the stored string would keep them.
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) {
    return 'must not contain spaces or control characters';
  }
  if (!URL.canParse(url))
    return 'is not a valid URL (e.g. rtsp://user:password@192.168.1.10:554/stream1)';
  const parsed = new URL(url);
  if (!(allowedStreamProtocols as readonly string[]).includes(parsed.protocol)) {
    return `must use rtsp, rtsps, http or https, not ${parsed.protocol.replace(/:$/, '')}`;
  }
  if (!parsed.hostname) return 'must name the camera host';
  return null;
}

function range(schema: JsonSchema): string {
  const { minimum, maximum } = schema;
  if (typeof minimum === 'number' && typeof maximum === 'number')
    return `must be between ${minimum} and ${maximum}`;
  if (typeof minimum === 'number') return `must be at least ${minimum}`;
  return `must be at most ${String(maximum)}`;
}

/** A reader's sentence for why a value does not fit its field's schema. */
function describeViolation(field: FieldName, schema: JsonSchema, value: unknown): string {
  const branches = (Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]) : [schema]).filter(
    (b) => b.type !== 'null',
  );
  const branch = branches[0] ?? schema;
  if (Array.isArray(branch.enum)) return `must be one of: ${branch.enum.map(String).join(', ')}`;
  const keyword: string = [...Value.Errors(branch, value)][0]?.keyword ?? '';
  switch (keyword) {
    case 'minimum':
    case 'maximum':
      return range(branch);
    case 'type':
      if (branch.type === 'integer') return 'must be a whole number';
      if (branch.type === 'number') return 'must be a number';
      if (branch.type === 'boolean') return 'must be true or false';
      return 'must be text';
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `must be at most ${String(branch.maxLength)} characters`;
    case 'pattern':
      return field === 'code'
        ? 'may contain only letters, digits, ".", "_" and "-", and must start with a letter or digit'
        : 'has an invalid form';
    case 'format':
      return branch.format === 'date'
        ? 'must be a date written YYYY-MM-DD'
        : 'must be a date and time in ISO 8601 form, e.g. 2026-01-31T17:00:00Z';
    default:
      return 'is invalid';
  }
}

/**
 * Checks and normalises one camera input (an API body or a CSV row). Text is NFC-normalised
 * and trimmed; empty optional text becomes null; times become UTC ISO strings. Every problem
 * is reported, each naming its field. `partial` checks only the fields present (PATCH).
 */
export function validateCameraInput(
  raw: unknown,
  options: { partial?: boolean } = {},
): { value: CameraPatch; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { value: {}, problems: [{ field: 'body', reason: 'must be an object' }] };
  }
  const input = { ...(raw as Record<string, unknown>) };
  for (const key of Object.keys(input)) {
    if (!(fieldNames as string[]).includes(key))
      problems.push({ field: key, reason: 'is not a camera field' });
  }
  for (const field of textFields) {
    const value = input[field];
    if (typeof value !== 'string') continue;
    const text = normalizeText(value);
    if (text === '' && (field === 'jurisdictionId' || field === 'jurisdictionCode'))
      delete input[field];
    else input[field] = text === '' && nullableFields.has(field) ? null : text;
  }
  for (const field of fieldNames) {
    const value = input[field];
    if (value === undefined) {
      if (!options.partial && requiredFields.includes(field))
        problems.push({ field, reason: 'is required' });
      continue;
    }
    if (!Value.Check(fieldSchemas[field], value)) {
      problems.push({ field, reason: describeViolation(field, fieldSchemas[field], value) });
    }
  }
  if (!options.partial && input.jurisdictionId == null && input.jurisdictionCode == null) {
    problems.push({ field: 'jurisdictionCode', reason: 'is required (or give jurisdictionId)' });
  }
  for (const field of ['mainStreamUrl', 'subStreamUrl'] as const) {
    const url = input[field];
    if (typeof url !== 'string') continue;
    const problem = streamUrlProblem(url);
    if (problem) problems.push({ field, reason: problem });
  }
  if (input.status === 'decommissioned') {
    problems.push({
      field: 'status',
      reason: 'is set by decommissioning the camera (POST /api/cameras/:id/decommission)',
    });
  }
  const expires = input.consentExpiresAt;
  if (typeof expires === 'string' && !problems.some((p) => p.field === 'consentExpiresAt')) {
    input.consentExpiresAt = new Date(expires).toISOString();
  }
  return { value: input, problems };
}

/** floor(latitude × 100): the 0.01° band the `cameras_bbox` index groups cameras by. */
export function latCell(latitude: number): number {
  return Math.floor(latitude * 100);
}
