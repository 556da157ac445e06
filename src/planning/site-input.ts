import type { PlannedSiteTable } from '../platform/db/schema';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// A planned site's fields as a client sends them, checked one by one so every refusal names the
// field at fault. Pure: where the point lies (which unit) is the service's business.

export interface SiteInput {
  name: string;
  address?: string | null | undefined;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  responsibleName?: string | null | undefined;
  responsiblePhone?: string | null | undefined;
  notes?: string | null | undefined;
  estimatedCostVnd?: number | null | undefined;
  source?: 'manual' | 'suggestion' | undefined;
}

export type SitePatch = Partial<Omit<SiteInput, 'source'>>;

export type SiteFields = Pick<
  PlannedSiteTable,
  | 'name'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'heading'
  | 'fov'
  | 'range_m'
  | 'responsible_name'
  | 'responsible_phone'
  | 'notes'
  | 'estimated_cost_vnd'
>;

const textLimits = { name: 200, address: 300, responsibleName: 200, notes: 2000 } as const;

function text(value: string | null | undefined, field: keyof typeof textLimits): string | null {
  const cleaned = normalizeText(value ?? '');
  if (cleaned.length === 0) return null;
  if (cleaned.length > textLimits[field]) {
    throw badRequest(`${field} may be at most ${textLimits[field]} characters`, field);
  }
  return cleaned;
}

function inRange(value: number, field: string, min: number, max: number, unit = ''): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`${field} must be between ${min} and ${max}${unit}`, field);
  }
  return value;
}

/** Digits, 8 to 15 of them, an optional leading +; spaces, dots and dashes typed between are dropped. */
export function checkSitePhone(value: string | null | undefined): string | null {
  const compact = (value ?? '').replace(/[\s.-]/g, '');
  if (compact.length === 0) return null;
  if (!/^\+?\d{8,15}$/.test(compact)) {
    throw badRequest(
      'responsiblePhone must be 8 to 15 digits, optionally after a +',
      'responsiblePhone',
    );
  }
  return compact;
}

export function checkCost(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw badRequest(
      'estimatedCostVnd must be a whole number of đồng, 0 or more',
      'estimatedCostVnd',
    );
  }
  return value;
}

function checkName(value: string | undefined): string {
  const name = text(value, 'name');
  if (name === null) throw badRequest('name is required', 'name');
  return name;
}

/** The position and lens: a coordinate pair and a wedge the finder and coverage understand. */
function lens(input: Pick<SiteInput, 'heading' | 'fov' | 'rangeM'>) {
  return {
    heading: inRange(input.heading, 'heading', 0, 360, '°'),
    fov: inRange(input.fov, 'fov', 1, 360, '°'),
    range_m: inRange(input.rangeM, 'rangeM', 1, 1000, ' metres'),
  };
}

export function checkSite(input: SiteInput): SiteFields & { source: 'manual' | 'suggestion' } {
  return {
    name: checkName(input.name),
    address: text(input.address, 'address'),
    latitude: inRange(input.latitude, 'latitude', -90, 90),
    longitude: inRange(input.longitude, 'longitude', -180, 180),
    ...lens(input),
    responsible_name: text(input.responsibleName, 'responsibleName'),
    responsible_phone: checkSitePhone(input.responsiblePhone),
    notes: text(input.notes, 'notes'),
    estimated_cost_vnd: checkCost(input.estimatedCostVnd),
    source: input.source ?? 'manual',
  };
}

/** The columns a patch changes; fields left out stay as they are, null clears optional text. */
export function checkSitePatch(patch: SitePatch, current: SiteFields): Partial<SiteFields> {
  const changes: Partial<SiteFields> = {};
  if (patch.name !== undefined) changes.name = checkName(patch.name);
  if (patch.address !== undefined) changes.address = text(patch.address, 'address');
  if (patch.latitude !== undefined) changes.latitude = inRange(patch.latitude, 'latitude', -90, 90);
  if (patch.longitude !== undefined)
    changes.longitude = inRange(patch.longitude, 'longitude', -180, 180);
  if (patch.heading !== undefined || patch.fov !== undefined || patch.rangeM !== undefined) {
    const checked = lens({
      heading: patch.heading ?? current.heading,
      fov: patch.fov ?? current.fov,
      rangeM: patch.rangeM ?? current.range_m,
    });
    if (patch.heading !== undefined) changes.heading = checked.heading;
    if (patch.fov !== undefined) changes.fov = checked.fov;
    if (patch.rangeM !== undefined) changes.range_m = checked.range_m;
  }
  if (patch.responsibleName !== undefined)
    changes.responsible_name = text(patch.responsibleName, 'responsibleName');
  if (patch.responsiblePhone !== undefined)
    changes.responsible_phone = checkSitePhone(patch.responsiblePhone);
  if (patch.notes !== undefined) changes.notes = text(patch.notes, 'notes');
  if (patch.estimatedCostVnd !== undefined)
    changes.estimated_cost_vnd = checkCost(patch.estimatedCostVnd);
  return changes;
}
