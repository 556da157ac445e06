import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, toApiError } from '../../api/client';
import { incidents, incidentTypes, type Incident, type IncidentType } from '../../api/incidents';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useDebounced, useResource } from '../../hooks/useResource';
import { fromLocalInput } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { FinderList } from './FinderList';
import { FinderMap, type IncidentPoint } from './FinderMap';
import { allFound, defaultRadiusM, defaultWindow } from './incidentRules';

interface FormState {
  point: IncidentPoint | null;
  type: IncidentType;
  description: string;
  address: string;
  from: string;
  to: string;
  reporterName: string;
  reporterPhone: string;
}

/** Server fields that belong to the point, wherever the error names them. */
const pointFields = new Set(['latitude', 'longitude', 'point']);
/** Every field shown with its own error; an error naming another goes above the buttons. */
const formFields = new Set([
  ...pointFields,
  'type',
  'description',
  'address',
  'from',
  'to',
  'reporterName',
  'reporterPhone',
]);

/** The new case: where (a click on the map), what, when, and who reported it. */
export function IncidentForm(props: {
  center: [number, number];
  onCreated: (incident: Incident) => void;
}) {
  const t = useT();
  const [state, setState] = useState<FormState>(() => ({
    point: null,
    type: 'theft',
    description: '',
    address: '',
    ...defaultWindow(Date.now()),
    reporterName: '',
    reporterPhone: '',
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (change: Partial<FormState>) => setState((s) => ({ ...s, ...change }));
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const fromIso = fromLocalInput(state.from);
  const toIso = fromLocalInput(state.to);
  const previewQuery =
    state.point && fromIso && toIso && fromIso < toIso
      ? { ...state.point, radiusM: defaultRadiusM, from: fromIso, to: toIso }
      : null;
  const settled = useDebounced(previewQuery, 400);
  const preview = useResource(
    () => incidents.preview(settled ?? { latitude: 0, longitude: 0, radiusM: 0, from: '', to: '' }),
    settled ? JSON.stringify(settled) : null,
  );

  useEffect(() => {
    if (!error?.field) return;
    const id = pointFields.has(error.field) ? 'incident-map' : `incident-${error.field}`;
    document.getElementById(id)?.scrollIntoView({ block: 'center' });
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!state.point) {
      setError(new ApiError(400, 'validation', t('incidents.pointRequired'), 'point'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await incidents.create({
        type: state.type,
        description: state.description.trim(),
        latitude: state.point.latitude,
        longitude: state.point.longitude,
        from: fromIso ?? state.from,
        to: toIso ?? state.to,
        ...(state.address.trim() ? { address: state.address.trim() } : {}),
        ...(state.reporterName.trim() ? { reporterName: state.reporterName.trim() } : {}),
        ...(state.reporterPhone.trim() ? { reporterPhone: state.reporterPhone.trim() } : {}),
      });
      props.onCreated(created);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const text = (field: 'address' | 'reporterName' | 'reporterPhone', type = 'text') => (
    <Field id={`incident-${field}`} label={t(`incidents.${field}`)} error={fieldError(field)}>
      <input
        id={`incident-${field}`}
        type={type}
        value={state[field]}
        onChange={(event) => update({ [field]: event.target.value })}
      />
    </Field>
  );
  const time = (field: 'from' | 'to') => (
    <Field id={`incident-${field}`} label={t(`incidents.${field}`)} error={fieldError(field)}>
      <input
        id={`incident-${field}`}
        type="datetime-local"
        required
        value={state[field]}
        onChange={(event) => update({ [field]: event.target.value })}
      />
    </Field>
  );
  const pointError = error?.field && pointFields.has(error.field) ? error.message : undefined;
  const known = error?.field !== undefined && formFields.has(error.field);

  return (
    <form className="incident-form" onSubmit={(event) => void submit(event)} noValidate>
      <div id="incident-map">
        <FinderMap
          point={state.point}
          onPoint={(point) => update({ point })}
          radiusM={defaultRadiusM}
          found={preview.data && settled ? allFound(preview.data) : []}
          fallbackCenter={props.center}
          testId="incident-map"
        />
        {pointError ? (
          <small className="field-error" role="alert" data-field-error="incident-point">
            {pointError}
          </small>
        ) : null}
      </div>
      <fieldset className="incident-fields">
        <Field id="incident-type" label={t('incidents.type')} error={fieldError('type')}>
          <EnumSelect
            id="incident-type"
            value={state.type}
            values={incidentTypes}
            label={(type) => t(`incidents.typeName.${type}`)}
            onChange={(type) => update({ type: type || 'other' })}
          />
        </Field>
        {time('from')}
        {time('to')}
        <Field
          id="incident-description"
          label={t('incidents.description')}
          error={fieldError('description')}
          wide
        >
          <textarea
            id="incident-description"
            rows={3}
            required
            value={state.description}
            onChange={(event) => update({ description: event.target.value })}
          />
        </Field>
        {text('address')}
        {text('reporterName')}
        {text('reporterPhone', 'tel')}
      </fieldset>
      {known ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" data-testid="incident-submit" disabled={busy}>
          {t('incidents.create')}
        </button>
      </div>
      <section className="finder-preview" data-testid="finder-preview">
        <h2>{t('finder.previewTitle')}</h2>
        {!previewQuery ? <p className="muted">{t('finder.previewHint')}</p> : null}
        {previewQuery ? <ErrorMessage error={preview.error} /> : null}
        {previewQuery && preview.data && settled ? <FinderList result={preview.data} /> : null}
      </section>
    </form>
  );
}
