import { generatedOutline, type DemoPlace } from './demo-place';
import { hanoiPlacesWithGroups } from './demo-places-hanoi';
import { haTinhPlaces } from './demo-places-hatinh';

// The places of the article, before and after the reform of 1 July 2025, which abolished
// districts and merged communes. The old units carry the article's figures and stay as history;
// successor links lead every old code to today's unit, where the cameras and accounts live.
// Province and district names and the pre-2025 ward and commune names are real. Codes,
// coordinates, outlines, village and residential-group names, some names of today's units and
// which of them each old unit went to are illustrative: plausible, not official.
export const demoPlaces: DemoPlace[] = [...hanoiPlacesWithGroups, ...haTinhPlaces];

/** The places as a JSON import: the same path an administrator's file takes. */
export function demoPlaceItems(): Record<string, unknown>[] {
  return demoPlaces.map((place) => {
    const ring =
      typeof place.outline === 'number' ? generatedOutline(place, place.outline) : place.outline;
    return {
      code: place.code,
      name: place.name,
      level: place.level,
      kind: place.kind,
      parentCode: place.parent ?? null,
      validFrom: place.validFrom,
      validTo: place.validTo ?? null,
      successorCode: place.successor ?? null,
      latitude: place.lat,
      longitude: place.lng,
      population: place.population ?? null,
      ...(ring ? { boundary: { type: 'Polygon', coordinates: [ring] } } : {}),
    };
  });
}
