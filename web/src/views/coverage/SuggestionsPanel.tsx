import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import {
  coverage,
  type CoverageMode,
  type Suggestion,
  type SuggestionRequest,
  type SuggestionResult,
} from '../../api/coverage';
import type { Site } from '../../api/planning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatVnd, parseVndInput, tidyVndInput } from '../funding/money';
import { formatLength, formatPct } from './coverageRules';

interface FormState {
  candidates: 'sampled' | 'planned';
  budgetKind: 'cameras' | 'vnd';
  budgetCameras: string;
  budgetVnd: string;
  unitCostVnd: string;
  incidentWeight: string;
}

/** A number field's text as sent: empty means "not given"; anything else goes to the server. */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));
const vndOrUndefined = (text: string) => parseVndInput(text) ?? undefined;

const formFields = new Set(['candidates', 'budgetCameras', 'budgetVnd', 'unitCostVnd']);

export function requestOf(unitId: string, mode: CoverageMode, form: FormState): SuggestionRequest {
  return {
    unitId,
    mode,
    candidates: form.candidates,
    ...(form.budgetKind === 'cameras'
      ? { budgetCameras: numberOrUndefined(form.budgetCameras) }
      : {
          budgetVnd: vndOrUndefined(form.budgetVnd),
          unitCostVnd: vndOrUndefined(form.unitCostVnd),
        }),
    incidentWeight: numberOrUndefined(form.incidentWeight),
  };
}

/**
 * Where the next cameras would see the most: the greedy choice within a budget, each with the
 * length it adds; accepting one makes it a planned site.
 */
export function SuggestionsPanel(props: {
  unitId: string;
  mode: CoverageMode;
  canAccept: boolean;
  result: SuggestionResult | null;
  onResult: (result: SuggestionResult) => void;
  accepted: Record<number, Site>;
  onAccept: (item: Suggestion) => Promise<void>;
}) {
  const { unitId, mode, canAccept, result, onResult, accepted, onAccept } = props;
  const t = useT();
  const { language } = useLanguage();
  const [form, setForm] = useState<FormState>({
    candidates: 'sampled',
    budgetKind: 'cameras',
    budgetCameras: '5',
    budgetVnd: '',
    unitCostVnd: tidyVndInput('15000000', language),
    incidentWeight: '0',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [accepting, setAccepting] = useState<number | null>(null);
  const update = (change: Partial<FormState>) => setForm((f) => ({ ...f, ...change }));
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onResult(await coverage.suggest(requestOf(unitId, mode, form)));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const accept = async (item: Suggestion) => {
    setAccepting(item.rank);
    setError(null);
    try {
      await onAccept(item);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setAccepting(null);
    }
  };

  const totalM = result?.before.lengthM ?? 0;
  return (
    <section className="card suggestions" data-testid="suggestions">
      <h2>{t('suggestions.title')}</h2>
      <form className="suggestion-form" onSubmit={(event) => void submit(event)}>
        <Field id="suggest-candidates" label={t('suggestions.candidates')}>
          <select
            id="suggest-candidates"
            value={form.candidates}
            onChange={(event) =>
              update({ candidates: event.target.value === 'planned' ? 'planned' : 'sampled' })
            }
          >
            <option value="sampled">{t('suggestions.sampled')}</option>
            <option value="planned">{t('suggestions.planned')}</option>
          </select>
        </Field>
        <fieldset className="segmented">
          <legend>{t('suggestions.budget')}</legend>
          {(['cameras', 'vnd'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="budget-kind"
                checked={form.budgetKind === kind}
                onChange={() => update({ budgetKind: kind })}
              />
              {t(`suggestions.budgetKind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {form.budgetKind === 'cameras' ? (
          <Field
            id="suggest-budget-cameras"
            label={t('suggestions.budgetCameras')}
            error={fieldError('budgetCameras')}
          >
            <input
              id="suggest-budget-cameras"
              type="number"
              step="1"
              value={form.budgetCameras}
              onChange={(event) => update({ budgetCameras: event.target.value })}
            />
          </Field>
        ) : (
          <>
            <Field
              id="suggest-budget-vnd"
              label={t('suggestions.budgetVnd')}
              error={fieldError('budgetVnd')}
            >
              <input
                id="suggest-budget-vnd"
                inputMode="numeric"
                value={form.budgetVnd}
                onChange={(event) => update({ budgetVnd: event.target.value })}
                onBlur={() => update({ budgetVnd: tidyVndInput(form.budgetVnd, language) })}
              />
            </Field>
            <Field
              id="suggest-unit-cost"
              label={t('suggestions.unitCost')}
              error={fieldError('unitCostVnd')}
            >
              <input
                id="suggest-unit-cost"
                inputMode="numeric"
                value={form.unitCostVnd}
                onChange={(event) => update({ unitCostVnd: event.target.value })}
                onBlur={() => update({ unitCostVnd: tidyVndInput(form.unitCostVnd, language) })}
              />
            </Field>
          </>
        )}
        <Field
          id="suggest-incident-weight"
          label={t('suggestions.incidentWeight')}
          hint={t('suggestions.incidentWeightHint')}
          error={fieldError('incidentWeight')}
        >
          <input
            id="suggest-incident-weight"
            type="number"
            step="0.1"
            value={form.incidentWeight}
            onChange={(event) => update({ incidentWeight: event.target.value })}
          />
        </Field>
        {error?.field && formFields.has(error.field) ? null : <ErrorMessage error={error} />}
        <button type="submit" className="primary" disabled={busy} data-testid="suggest-run">
          {busy ? t('suggestions.running') : t('suggestions.run')}
        </button>
      </form>
      {result ? (
        <div className="suggestion-results" data-testid="suggestion-results">
          <p>
            {t('suggestions.beforeAfter', {
              before: formatPct(result.before.pct, language),
              after: formatPct(result.after.pct, language),
            })}
          </p>
          {result.items.length === 0 ? <p className="empty">{t('suggestions.none')}</p> : null}
          <ol className="suggestion-items">
            {result.items.map((item) => {
              const site = accepted[item.rank];
              const cumulative = totalM > 0 ? (item.cumulativeCoveredM / totalM) * 100 : null;
              return (
                <li
                  key={item.rank}
                  data-testid="suggestion-row"
                  data-rank={item.rank}
                  data-accepted={site || item.siteId ? 'true' : 'false'}
                >
                  <span className="suggestion-rank">{item.rank}</span>
                  <div>
                    <strong>{item.streetName || t('coverage.unnamed')}</strong>
                    <div className="muted">
                      {t('suggestions.gain', { gain: formatLength(item.gainM, language) })} ·{' '}
                      {t('suggestions.cumulative', {
                        pct: formatPct(cumulative === null ? null : Math.round(cumulative * 10) / 10, language),
                      })}{' '}
                      · {formatVnd(item.costVnd, language)}
                    </div>
                  </div>
                  {site ? (
                    <a href={`/sites/${encodeURIComponent(site.id)}`} data-testid="suggestion-site">
                      {t('suggestions.acceptedAs')}
                    </a>
                  ) : item.siteId ? (
                    <a href={`/sites/${encodeURIComponent(item.siteId)}`}>
                      {t('suggestions.alreadyPlanned')}
                    </a>
                  ) : canAccept ? (
                    <button
                      type="button"
                      className="small"
                      disabled={accepting !== null}
                      data-testid="suggestion-accept"
                      onClick={() => void accept(item)}
                    >
                      {t('suggestions.accept')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
