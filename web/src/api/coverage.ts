// Typed calls to the coverage API: the road network of a unit, how much of it installed cameras
// see, the uncovered stretches, and where the next cameras would see the most.
import { api } from './client';
import type { UnitLevel } from './types';

/** Which cameras count: those we record, or every registered installed camera. */
export const coverageModes = ['recorded', 'all'] as const;
export type CoverageMode = (typeof coverageModes)[number];

export interface CoverageFigures {
  lengthM: number;
  coveredM: number;
  /** 0–100 with one decimal; null when the unit has no roads. */
  pct: number | null;
}

export interface StreetCoverage extends CoverageFigures {
  name: string;
  kind: string;
}

export interface ChildCoverage extends CoverageFigures {
  unitId: string;
  name: string;
  level: UnitLevel;
}

export interface UnitCoverageReport extends CoverageFigures {
  unit: { id: string; name: string; level: UnitLevel };
  mode: CoverageMode;
  cameras: number;
  streets: StreetCoverage[];
  children: ChildCoverage[];
}

/** GeoJSON positions are [lng, lat]. */
export interface CoverageLine {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { covered: boolean; name: string; wayId: string };
}

export interface CoverageMapData {
  type: 'FeatureCollection';
  features: CoverageLine[];
}

export const gapSorts = ['length', 'incidents'] as const;
export type GapSort = (typeof gapSorts)[number];

/** Points here are [lat, lng], ready for Leaflet. */
export interface Gap {
  wayId: string;
  name: string;
  kind: string;
  lengthM: number;
  incidentsNearby: number;
  mid: [number, number];
  points: [number, number][];
}

export interface RoadImportResult {
  importId: string;
  features: number;
  segments: number;
  lengthM: number;
  replaced: number;
}

export interface SuggestionRequest {
  unitId: string;
  mode: CoverageMode;
  candidates: 'planned' | 'sampled';
  spacingM?: number;
  budgetCameras?: number;
  budgetVnd?: number;
  unitCostVnd?: number;
  incidentWeight?: number;
  fov?: number;
  rangeM?: number;
}

export interface Suggestion {
  rank: number;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  gainM: number;
  weightedGain: number;
  cumulativeCoveredM: number;
  costVnd: number;
  siteId: string | null;
  streetName: string;
}

export interface SuggestionResult {
  before: CoverageFigures;
  after: CoverageFigures;
  items: Suggestion[];
}

interface UnitQuery {
  unitId: string;
  mode: CoverageMode;
}

export const coverage = {
  report: (query: UnitQuery) => api.get<UnitCoverageReport>('/api/coverage', { ...query }),
  map: (query: UnitQuery) => api.get<CoverageMapData>('/api/coverage/map', { ...query }),
  gaps: (query: UnitQuery & { minLengthM?: number; sort: GapSort; limit?: number }) =>
    api.get<{ items: Gap[] }>('/api/coverage/gaps', { ...query }),
  suggest: (request: SuggestionRequest) =>
    api.post<SuggestionResult>('/api/coverage/suggestions', request),
  /** The file's text is sent as it is: the server parses and names any bad feature. */
  importRoads: (unitId: string, geojson: string, fileName: string) =>
    api.upload<RoadImportResult>(
      `/api/units/${encodeURIComponent(unitId)}/roads`,
      geojson,
      'application/json',
      { fileName },
    ),
};
