import { deepestUnit, type Outline } from '../incidents/unit-at-point';
import { badRequest } from '../platform/http/errors';
import type { PlannedSegment } from './road-import';

// Which unit each imported segment belongs to: the deepest unit of the importing unit's subtree
// whose outline holds the segment's midpoint (the rule `unitAtPoint` applies to incidents), so
// a ward's network counts towards its residential groups too. A file is for one unit: a segment
// outside it is refused, naming the feature, rather than silently given to a neighbour.

export interface ImportingUnit {
  id: string;
  name: string;
  path: string;
}

/**
 * The path of each segment, in order. `outlines` are the importing unit's subtree's (itself
 * included); `date` is a day the unit is valid on. A unit without an outline cannot be checked:
 * segments outside its children's outlines then take its own path.
 */
export function placeSegments(
  segments: readonly PlannedSegment[],
  unit: ImportingUnit,
  outlines: readonly Outline[],
  date: string,
): string[] {
  const subtree = outlines.filter((outline) => outline.path.startsWith(unit.path));
  const checkable = subtree.some((outline) => outline.id === unit.id);
  return segments.map((segment) => {
    const lat = (segment.lat1 + segment.lat2) / 2;
    const lng = (segment.lng1 + segment.lng2) / 2;
    const inside = deepestUnit(subtree, lat, lng, date);
    if (inside) return inside.path;
    if (!checkable) return unit.path;
    const at = `features[${segment.feature}]`;
    const label = segment.name ? `${segment.wayId} “${segment.name}”` : segment.wayId;
    throw badRequest(
      `${at} (${label}) runs outside ${unit.name} near (${lng.toFixed(6)}, ${lat.toFixed(6)}); ` +
        `the file is for this unit, so import a neighbour's streets into the neighbour`,
      `${at}.geometry`,
    );
  });
}
