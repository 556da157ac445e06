import { useState } from 'react';
import type { LeagueRow } from '../../api/analytics';
import { withQuery } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT, type MessageKey } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import {
  formatRate,
  formatShare,
  leagueColumns,
  nextSort,
  sortLeague,
  type LeagueColumn,
  type SortDirection,
} from './analyticsRules';
import { FigureButton } from './FigureButton';
import { figureKeys } from './figureKeys';

const headings: Record<LeagueColumn, MessageKey> = {
  name: 'analytics.league.name',
  incidents: 'analytics.league.incidents',
  solved: 'analytics.league.solved',
  solvedWithFootage: 'analytics.league.solvedWithFootage',
  solvedWithFootageShare: 'analytics.league.share',
  camerasInstalled: 'analytics.league.cameras',
  camerasPer1000: 'analytics.league.per1000',
  coveragePct: 'analytics.league.coverage',
};

/** The units under the selected one side by side; any column sorts, counts open their cases. */
export function LeagueTable(props: { rows: LeagueRow[]; period: { from: string; to: string } }) {
  const { rows, period } = props;
  const t = useT();
  const { language } = useLanguage();
  const [sort, setSort] = useState<{ column: LeagueColumn; direction: SortDirection }>({
    column: 'incidents',
    direction: 'desc',
  });
  const sorted = sortLeague(rows, sort.column, sort.direction);
  const count = (row: LeagueRow, key: string, n: number, label: MessageKey) => (
    <FigureButton
      figure={{ key, unitId: row.unitId, label: `${row.name} · ${t(label)}`, expected: n }}
    >
      {formatNumber(n, language)}
    </FigureButton>
  );

  return (
    <section className="card dash-section" data-testid="dash-league">
      <h2>{t('analytics.league.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('analytics.league.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="dash-table league-table" data-testid="league-table">
            <thead>
              <tr>
                {leagueColumns.map((column) => (
                  <th
                    key={column}
                    aria-sort={
                      sort.column === column
                        ? sort.direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    <button
                      type="button"
                      className="link-button sort-button"
                      data-testid={`league-sort-${column}`}
                      onClick={() => setSort(nextSort(sort, column))}
                    >
                      {t(headings[column])}
                      {sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.unitId} data-testid="league-row" data-unit-id={row.unitId}>
                  <th scope="row">
                    <a href={withQuery('/dashboard', { unitId: row.unitId, ...period })}>
                      {row.name}
                    </a>
                  </th>
                  <td>
                    {count(row, figureKeys.incidentsTotal, row.incidents, headings.incidents)}
                  </td>
                  <td>{count(row, figureKeys.solved, row.solved, headings.solved)}</td>
                  <td>
                    {count(
                      row,
                      figureKeys.solvedWithFootage,
                      row.solvedWithFootage,
                      headings.solvedWithFootage,
                    )}
                  </td>
                  <td>{formatShare(row.solvedWithFootageShare, language)}</td>
                  <td>
                    {count(
                      row,
                      figureKeys.camerasInstalled,
                      row.camerasInstalled,
                      headings.camerasInstalled,
                    )}
                  </td>
                  <td>{formatRate(row.camerasPer1000, language)}</td>
                  <td>{formatPct(row.coveragePct, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
