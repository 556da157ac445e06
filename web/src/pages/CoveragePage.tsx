import { useMemo, useState } from 'react';
import { withQuery } from '../api/client';
import {
  coverage,
  coverageModes,
  type CoverageMode,
  type Suggestion,
  type SuggestionResult,
} from '../api/coverage';
import { jurisdictions } from '../api/endpoints';
import { sites as siteApi, type Site } from '../api/planning';
import { ErrorMessage } from '../components/ErrorMessage';
import { UnitPicker } from '../components/UnitPicker';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useLanguage, useT } from '../i18n/i18n';
import { planningWriterRoles } from '../permissions';
import { CoverageMap, type Focus } from '../views/coverage/CoverageMap';
import { ChildUnitsTable, StreetTable } from '../views/coverage/CoverageTables';
import { formatLength, formatPct } from '../views/coverage/coverageRules';
import { GapList } from '../views/coverage/GapList';
import { RoadImport } from '../views/coverage/RoadImport';
import { SuggestionsPanel } from '../views/coverage/SuggestionsPanel';
import { ProgressBar } from '../views/planning/ProgressBar';
import '../styles/planning.css';

/** Vietnam as a whole until the unit's streets are drawn and framed. */
const countryCenter: [number, number] = [16.2, 106.3];

/**
 * How much of a unit's streets the cameras see: the red and green map, totals, streets, child
 * units and gaps, and the suggestions for where the next cameras would add the most.
 */
export function CoveragePage() {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const { query } = useLocation();
  const unitId = query.get('unitId') ?? me.jurisdictionId ?? '';
  const mode: CoverageMode = coverageModes.find((m) => m === query.get('mode')) ?? 'all';
  const [version, setVersion] = useState(0);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [suggested, setSuggested] = useState<{ key: string; result: SuggestionResult } | null>(
    null,
  );
  const [accepted, setAccepted] = useState<Record<number, Site>>({});
  const canWrite = planningWriterRoles.includes(me.role);

  const key = unitId ? `${unitId}:${mode}:${version}` : null;
  const report = useResource(() => coverage.report({ unitId, mode }), key);
  const lines = useResource(() => coverage.map({ unitId, mode }), key);
  const unit = useResource(() => jurisdictions.get(unitId), unitId ? `unit:${unitId}` : null);
  const siteList = useResource(() => siteApi.list({ unitId }), unitId ? `sites:${unitId}` : null);

  const go = (change: { unitId?: string; mode?: CoverageMode }) =>
    navigate(withQuery('/coverage', { unitId, mode, ...change }), { replace: true });
  const resultKey = `${unitId}:${mode}:${version}`;
  const result = suggested?.key === resultKey ? suggested.result : null;
  const latitude = unit.data?.latitude ?? null;
  const longitude = unit.data?.longitude ?? null;
  // One array per place, so the map's effects do not rerun on every render.
  const center = useMemo<[number, number] | null>(
    () => (latitude !== null && longitude !== null ? [latitude, longitude] : null),
    [latitude, longitude],
  );

  const accept = async (item: Suggestion) => {
    const site = await siteApi.create({
      name: t('suggestions.siteName', { rank: item.rank, street: item.streetName || '—' }),
      latitude: item.latitude,
      longitude: item.longitude,
      heading: item.heading,
      fov: item.fov,
      rangeM: item.rangeM,
      estimatedCostVnd: item.costVnd,
      source: 'suggestion',
    });
    setAccepted((previous) => ({ ...previous, [item.rank]: site }));
    siteList.reload();
  };

  const data = report.data;
  return (
    <div className="page coverage-page" data-testid="coverage-page">
      <div className="page-header">
        <h1>{t('coverage.title')}</h1>
        <div className="coverage-controls">
          <UnitPicker
            id="coverage-unit"
            value={unitId}
            onChange={(picked) => {
              setAccepted({});
              go({ unitId: picked?.id ?? '' });
            }}
          />
          <fieldset className="segmented" data-testid="coverage-mode">
            <legend className="visually-hidden">{t('coverage.mode')}</legend>
            {coverageModes.map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="coverage-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => go({ mode: value })}
                />
                {t(`coverage.modeName.${value}`)}
              </label>
            ))}
          </fieldset>
        </div>
      </div>
      {!unitId ? <p className="empty">{t('coverage.chooseUnit')}</p> : null}
      <ErrorMessage error={report.error ?? lines.error} />
      {data ? (
        <section className="card coverage-totals" data-testid="coverage-totals">
          <h2>
            {data.unit.name} · {t(`coverage.modeName.${data.mode}`)}
          </h2>
          <dl className="totals">
            <div>
              <dt>{t('coverage.length')}</dt>
              <dd>{formatLength(data.lengthM, language)}</dd>
            </div>
            <div>
              <dt>{t('coverage.covered')}</dt>
              <dd>{formatLength(data.coveredM, language)}</dd>
            </div>
            <div>
              <dt>{t('coverage.pct')}</dt>
              <dd data-testid="coverage-pct" data-pct={data.pct ?? ''}>
                {formatPct(data.pct, language)}
              </dd>
            </div>
            <div>
              <dt>{t('coverage.cameras')}</dt>
              <dd>{data.cameras}</dd>
            </div>
          </dl>
          <ProgressBar pct={data.pct} label={formatPct(data.pct, language)} />
          {data.pct === null ? <p className="muted">{t('coverage.noRoads')}</p> : null}
        </section>
      ) : null}
      {unitId ? (
        <div className="coverage-layout">
          <CoverageMap
            unitId={unitId}
            initialView={{ center: center ?? countryCenter, zoom: center ? 15 : 6 }}
            center={center}
            lines={lines.loading ? undefined : lines.data}
            suggestions={result?.items ?? []}
            accepted={accepted}
            sites={siteList.data?.items ?? []}
            focus={focus}
          />
          <SuggestionsPanel
            unitId={unitId}
            mode={mode}
            canAccept={canWrite}
            result={result}
            onResult={(next) => {
              setAccepted({});
              setSuggested({ key: resultKey, result: next });
            }}
            accepted={accepted}
            onAccept={accept}
          />
        </div>
      ) : null}
      {data ? (
        <div className="detail-grid">
          <section className="card">
            <h2>{t('coverage.streets')}</h2>
            <StreetTable streets={data.streets} />
          </section>
          <GapList
            unitId={unitId}
            mode={mode}
            version={String(version)}
            onShow={(gap) => setFocus((f) => ({ points: gap.points, seq: (f?.seq ?? 0) + 1 }))}
          />
          {data.children.length > 0 ? (
            <section className="card">
              <h2>{t('coverage.children')}</h2>
              <ChildUnitsTable units={data.children} onOpen={(id) => go({ unitId: id })} />
            </section>
          ) : null}
          {canWrite ? (
            <RoadImport unitId={unitId} onImported={() => setVersion((v) => v + 1)} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
