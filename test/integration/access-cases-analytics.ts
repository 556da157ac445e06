import { expect } from 'vitest';
import { unitIds } from '../helpers/fixtures';
import { homeAndAway } from './access-cases-planning';
import { denied, type Call, type Check } from './access-world';

// Access-matrix cases for the effectiveness dashboard, its records and the monthly reports:
// asked of the home unit (Tân Xuân 1, inside every tester's area) and of Thạch Trị.

const period = 'from=2025-01-01&to=2025-12-31';

/** A GET with the unit in the query: home is served, away refused to all but admin. */
function byUnit(path: string, query: string): Check {
  const at = (unitId: string): Call => ({
    method: 'GET',
    url: `${path}?unitId=${unitId}${query ? `&${query}` : ''}`,
  });
  const calls = { home: at(unitIds.tanXuan1), away: at(unitIds.thachTri) };
  return homeAndAway(() => Promise.resolve(calls), [200]);
}

export const analyticsCases: Record<string, Check | { unscoped: string }> = {
  'GET /api/analytics/dashboard': byUnit('/api/analytics/dashboard', period),
  'GET /api/analytics/records': byUnit('/api/analytics/records', `${period}&key=incidents.total`),
  'GET /api/reports/monthly.pdf': byUnit('/api/reports/monthly.pdf', 'month=2025-06'),
  'GET /api/reports/monthly.xlsx': byUnit('/api/reports/monthly.xlsx', 'month=2025-06'),
  'GET /api/reports': byUnit('/api/reports', ''),
  'GET /api/reports/files/:unitCode/:file': async (_world, role, call) => {
    // Thạch Trị's code; no report was written, so admin is told so (404), everyone else refused.
    const away = await call({ method: 'GET', url: '/api/reports/files/18505/2025-06.pdf' });
    if (role === 'admin') expect(away.statusCode, away.body).toBe(404);
    else expect(denied(away.statusCode), `${role} away report → ${away.statusCode}`).toBe(true);
  },
};
