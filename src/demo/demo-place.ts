import type { JurisdictionLevel } from '../jurisdictions/jurisdiction.types';
import type { Position } from '../jurisdictions/jurisdiction-outline';
import { round5, seededRandom } from './demo-random';

export interface DemoPlace {
  code: string;
  name: string;
  level: JurisdictionLevel;
  kind: string;
  parent?: string;
  validFrom: string;
  validTo?: string;
  successor?: string;
  lat: number;
  lng: number;
  population?: number;
  /** Half-width of a generated outline in degrees of latitude, or a drawn ring. */
  outline?: number | Position[];
}

/** The last day of the districts and merged communes, and the first day of today's units. */
export const OLD = { validTo: '2025-06-30' };
export const NEW = '2025-07-01';

/** A plausible irregular outline around a centre: enough to see a unit's shape on the map. */
export function generatedOutline(
  place: { code: string; validFrom: string; lat: number; lng: number },
  halfWidth: number,
): Position[] {
  const random = seededRandom(`${place.code}|${place.validFrom}`);
  const corners = 9;
  const stretch = 1 / Math.cos((place.lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i < corners; i++) {
    const angle = (2 * Math.PI * i) / corners + random.between(-0.2, 0.2);
    const radius = halfWidth * random.between(0.75, 1.15);
    ring.push([
      round5(place.lng + Math.sin(angle) * radius * stretch),
      round5(place.lat + Math.cos(angle) * radius),
    ]);
  }
  ring.push(ring[0]!);
  return ring;
}
