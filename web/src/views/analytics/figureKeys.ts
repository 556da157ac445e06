// The record keys behind the dashboard's figures, in one place (the server's list is in
// src/analytics/keys.ts): the records API answers each key with exactly the rows that make up
// the figure, so the page never invents a list itself. The before/after counts are
// `incidents.total` asked for over the months before or after the roll-out.
import type { FunnelStep } from '../../api/analytics';

export type CameraGroup = 'byOwnerKind' | 'byStatus' | 'byConsentTier';

export const figureKeys = {
  camerasTotal: 'cameras.total',
  camerasBy: (group: CameraGroup, value: string) => `cameras.${group}.${value}`,
  camerasRecorded: 'cameras.recorded',
  incidentsTotal: 'incidents.total',
  incidentsByType: (type: string) => `incidents.byType.${type}`,
  incidentsByMonth: (month: string) => `incidents.byMonth.${month}`,
  incidentsByHour: (hour: number) => `incidents.byHour.${hour}`,
  incidentsNight: 'incidents.night',
  funnel: (step: FunnelStep) => `funnel.${step}`,
  /** Every solved case (the share's denominator) and those footage helped (its numerator). */
  solved: 'solved',
  solvedWithFootage: 'solvedWithFootage',
  /** The solved cases each median is taken over. */
  medianWithFootage: 'medianHoursToSolve.withFootage',
  medianWithoutFootage: 'medianHoursToSolve.withoutFootage',
  /** Cameras up (installed, online, offline), as the league counts them. */
  camerasInstalled: 'cameras.installed',
  moneyRaised: 'money.raised',
  moneySpent: 'money.spent',
  camerasFunded: 'money.camerasFunded',
} as const;

/** A figure someone can open: the key of its records, their label, and the unit they belong to. */
export interface Figure {
  key: string;
  label: string;
  /** Another unit than the dashboard's (a league row); the dashboard's when absent. */
  unitId?: string;
  /** Another period than the dashboard's (the months before or after a roll-out). */
  period?: { from: string; to: string };
  /** The number shown, so the panel can say it lists exactly that many. */
  expected?: number;
}
