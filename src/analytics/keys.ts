import { funnelSteps, type FunnelStep } from './case-stats';
import { isMonth } from './period';

// Every figure on the dashboard has a key, and `GET /api/analytics/records?key=` lists the
// records behind it with a total equal to the figure (same unit, same period):
//
//   incidents.total, funnel.incidents     every case that happened in the period
//   incidents.byType.<type>               cases of one type (theft, burglary, …)
//   incidents.byMonth.<YYYY-MM>           cases of one month (also the before/after counts:
//                                         ask for the window's months of the unit or a control)
//   incidents.byHour.<0–23>               cases that happened in one hour of the day
//   incidents.night                       cases between 18:00 and 05:59
//   funnel.withCandidates                 … and a camera's view held the place when filed
//   funnel.requested                      … and footage was asked for or extracted
//   funnel.received                       … and footage came in (extract, upload, fulfilled)
//   funnel.used                           … and footage helped
//   funnel.solved                         … and the case was solved
//   solved                                cases solved (the share's denominator)
//   solvedWithFootage                     cases solved that footage helped (its numerator)
//   medianHoursToSolve.withFootage        solved cases, footage helped, with a solve time
//   medianHoursToSolve.withoutFootage     solved cases, footage did not help or not said
//   cameras.total                         every camera registered in the subtree
//   cameras.byOwnerKind.<kind>, cameras.byStatus.<status>, cameras.byConsentTier.<tier>
//   cameras.recorded                      cameras we record
//   cameras.installed                     cameras up (installed, online, offline): the league
//   money.raised                          donations up to the period's end
//   money.spent                           expenses up to the period's end
//   money.camerasFunded                   the cameras those expenses paid for
//
// A league row's figures are the same keys asked for with the row's unit.

export type CaseFilter =
  | { kind: 'all' }
  | { kind: 'type'; type: string }
  | { kind: 'month'; month: string }
  | { kind: 'hour'; hour: number }
  | { kind: 'night' }
  | { kind: 'funnel'; step: FunnelStep }
  | { kind: 'solved' }
  | { kind: 'solvedWithFootage' }
  | { kind: 'solveTime'; withFootage: boolean };

export type CameraFilter =
  | { kind: 'all' }
  | { kind: 'ownerKind'; value: string }
  | { kind: 'status'; value: string }
  | { kind: 'consentTier'; value: string }
  | { kind: 'recorded' }
  | { kind: 'installed' };

export type FigureKey =
  | { family: 'incidents'; filter: CaseFilter }
  | { family: 'cameras'; filter: CameraFilter }
  | { family: 'donations' }
  | { family: 'expenses' }
  | { family: 'camerasFunded' };

const word = /^[a-z][a-z0-9_]{0,39}$/;

/** The records a key stands for, or null when no figure has that key. */
export function parseKey(key: string): FigureKey | null {
  const [head, second, third, ...rest] = key.split('.');
  if (rest.length > 0 || head === undefined) return null;
  const incidents = (filter: CaseFilter): FigureKey => ({ family: 'incidents', filter });
  const cameras = (filter: CameraFilter): FigureKey => ({ family: 'cameras', filter });
  const tail = third === undefined;
  switch (`${head}.${second ?? ''}`) {
    case 'incidents.total':
    case 'funnel.incidents':
      return tail ? incidents({ kind: 'all' }) : null;
    case 'incidents.byType':
      return third !== undefined && word.test(third)
        ? incidents({ kind: 'type', type: third })
        : null;
    case 'incidents.byMonth':
      return third !== undefined && isMonth(third)
        ? incidents({ kind: 'month', month: third })
        : null;
    case 'incidents.byHour': {
      const hour = Number(third);
      return third !== undefined && /^\d{1,2}$/.test(third) && hour < 24
        ? incidents({ kind: 'hour', hour })
        : null;
    }
    case 'incidents.night':
      return tail ? incidents({ kind: 'night' }) : null;
    case 'solved.':
      return incidents({ kind: 'solved' });
    case 'solvedWithFootage.':
      return incidents({ kind: 'solvedWithFootage' });
    case 'medianHoursToSolve.withFootage':
    case 'medianHoursToSolve.withoutFootage':
      return tail ? incidents({ kind: 'solveTime', withFootage: second === 'withFootage' }) : null;
    case 'cameras.total':
      return tail ? cameras({ kind: 'all' }) : null;
    case 'cameras.recorded':
      return tail ? cameras({ kind: 'recorded' }) : null;
    case 'cameras.installed':
      return tail ? cameras({ kind: 'installed' }) : null;
    case 'cameras.byOwnerKind':
    case 'cameras.byStatus':
    case 'cameras.byConsentTier': {
      if (third === undefined || !word.test(third)) return null;
      const kind =
        second === 'byOwnerKind' ? 'ownerKind' : second === 'byStatus' ? 'status' : 'consentTier';
      return cameras({ kind, value: third });
    }
    case 'money.raised':
      return tail ? { family: 'donations' } : null;
    case 'money.spent':
      return tail ? { family: 'expenses' } : null;
    case 'money.camerasFunded':
      return tail ? { family: 'camerasFunded' } : null;
    default: {
      const step = funnelSteps.find((s) => s === second);
      return head === 'funnel' && step && tail ? incidents({ kind: 'funnel', step }) : null;
    }
  }
}
