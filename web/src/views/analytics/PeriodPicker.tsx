import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import {
  periodPresets,
  presetOf,
  presetPeriod,
  type Period,
  type PeriodPreset,
} from './analyticsRules';

/**
 * The period as a preset of whole months (this month, the last 3/6/12/18) or two dates.
 * Custom dates apply together, so a half-typed range never reaches the server.
 */
export function PeriodPicker(props: {
  period: Period;
  nowMs: number;
  onChange: (p: Period) => void;
}) {
  const { period, nowMs, onChange } = props;
  const t = useT();
  const current = presetOf(period, nowMs);
  const [custom, setCustom] = useState(current === 'custom');
  const [draft, setDraft] = useState(period);
  const shown: PeriodPreset = custom ? 'custom' : current;
  // The server refuses it too (naming `to`); saying so here saves the round trip.
  const backwards = draft.from !== '' && draft.to !== '' && draft.to < draft.from;

  return (
    <div className="period-picker">
      <label className="filter">
        <span>{t('analytics.period')}</span>
        <select
          id="dash-period"
          value={shown}
          onChange={(event) => {
            const choice = event.target.value as PeriodPreset;
            if (choice === 'custom') {
              setDraft(period);
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange(presetPeriod(choice, nowMs));
          }}
        >
          {periodPresets.map((preset) => (
            <option key={preset} value={preset}>
              {t(`analytics.preset.${preset}`)}
            </option>
          ))}
        </select>
      </label>
      {custom ? (
        <form
          className="period-custom"
          onSubmit={(event) => {
            event.preventDefault();
            onChange(draft);
          }}
        >
          <label className="filter">
            <span>{t('analytics.from')}</span>
            <input
              id="dash-from"
              type="date"
              required
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </label>
          <label className="filter">
            <span>{t('analytics.to')}</span>
            <input
              id="dash-to"
              type="date"
              required
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          </label>
          <button type="submit" className="primary" data-testid="dash-apply" disabled={backwards}>
            {t('analytics.apply')}
          </button>
          {backwards ? (
            <span className="error-message" role="alert" data-field-error="dash-to">
              {t('analytics.periodBackwards')}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
