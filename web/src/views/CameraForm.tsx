import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError, toApiError } from '../api/client';
import { cameraStatuses, consentTiers, ownerKinds, type Camera } from '../api/types';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { UnitPicker } from '../components/UnitPicker';
import { useMe } from '../hooks/session';
import { useT, type MessageKey } from '../i18n/i18n';
import { selfServiceOwnerKinds } from '../permissions';
import type { CameraFormState } from './cameraFormState';
import { MapPicker, type PickedView } from './MapPicker';

/** Fields kept under "more details"; that section opens when one of them is rejected. */
const moreFields = new Set([
  'mainStreamUrl',
  'subStreamUrl',
  'retentionDays',
  'installedOn',
  'fundingSource',
  'costVnd',
  'makeModel',
  'notes',
]);

/** Fields edited through a plain input (the rest have their own controls). */
type TextField = Exclude<
  {
    [K in keyof CameraFormState]: CameraFormState[K] extends string ? K : never;
  }[keyof CameraFormState],
  'jurisdictionId' | 'ownerKind' | 'status' | 'consentTier'
>;

interface CameraFormProps {
  initial: CameraFormState;
  fallbackCenter: [number, number];
  /** Stream addresses already stored, shown redacted as the inputs' placeholders. */
  existing?: Camera;
  submitLabel: MessageKey;
  onSubmit: (state: CameraFormState) => Promise<void>;
}

/** Every camera field, the map picker for position and view, and the API's field errors. */
export function CameraForm({
  initial,
  fallbackCenter,
  existing,
  submitLabel,
  onSubmit,
}: CameraFormProps) {
  const t = useT();
  const me = useMe();
  const ownerKindChoices = me.role === 'camera_owner' ? selfServiceOwnerKinds : ownerKinds;
  const [state, setState] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (change: Partial<CameraFormState>) => setState((s) => ({ ...s, ...change }));
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  // Bring the field the server complained about into view; on a phone it may be far above.
  useEffect(() => {
    if (!error?.field) return;
    const id = error.field === 'jurisdictionCode' ? 'camera-jurisdiction' : `camera-${error.field}`;
    const element = document.getElementById(id);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.latitude === null || state.longitude === null) {
      setError(new ApiError(400, 'validation', t('picker.required'), 'latitude'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(state);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const text = (
    field: TextField,
    options: { required?: boolean; type?: string; wide?: boolean; placeholder?: string } = {},
  ) => (
    <Field
      id={`camera-${field}`}
      label={t(`camera.${field}`)}
      error={fieldError(field)}
      wide={options.wide}
    >
      <input
        id={`camera-${field}`}
        name={field}
        type={options.type ?? 'text'}
        required={options.required}
        placeholder={options.placeholder}
        value={state[field]}
        aria-invalid={fieldError(field) ? true : undefined}
        onChange={(event) => update({ [field]: event.target.value })}
      />
    </Field>
  );
  const checkbox = (field: 'recordingEnabled' | 'signagePosted'): ReactNode => (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={state[field]}
        onChange={(event) => update({ [field]: event.target.checked })}
      />
      {t(`camera.${field}`)}
    </label>
  );
  const picked: PickedView = state;

  return (
    <form className="camera-form" noValidate onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('form.identity')}</legend>
        {text('code', { required: true, placeholder: 'XD-001' })}
        {text('name', { required: true, wide: true })}
        <Field id="camera-ownerKind" label={t('camera.ownerKind')} error={fieldError('ownerKind')}>
          <EnumSelect
            id="camera-ownerKind"
            value={state.ownerKind}
            values={ownerKindChoices}
            label={(v) => t(`ownerKind.${v}`)}
            onChange={(v) => v && update({ ownerKind: v })}
          />
        </Field>
        <Field
          id="camera-jurisdiction"
          label={t('camera.jurisdiction')}
          error={fieldError('jurisdictionId') ?? fieldError('jurisdictionCode')}
        >
          <UnitPicker
            id="camera-jurisdiction"
            value={state.jurisdictionId}
            onChange={(unit) => update({ jurisdictionId: unit?.id ?? '' })}
          />
        </Field>
        {text('address', { wide: true })}
      </fieldset>
      <fieldset>
        <legend>{t('form.placement')}</legend>
        <MapPicker
          value={picked}
          onChange={(change) => update(change)}
          fallbackCenter={fallbackCenter}
          cameraId={existing?.id}
          errors={{
            latitude: fieldError('latitude'),
            longitude: fieldError('longitude'),
            heading: fieldError('heading'),
            fov: fieldError('fov'),
            rangeM: fieldError('rangeM'),
          }}
        />
      </fieldset>
      <fieldset>
        <legend>{t('form.sharing')}</legend>
        <Field id="camera-status" label={t('camera.status')} error={fieldError('status')}>
          <EnumSelect
            id="camera-status"
            value={state.status}
            values={cameraStatuses}
            label={(v) => t(`status.${v}`)}
            onChange={(v) => v && update({ status: v })}
          />
        </Field>
        <Field
          id="camera-consentTier"
          label={t('camera.consentTier')}
          hint={t(`consentHelp.${state.consentTier}`)}
          error={fieldError('consentTier')}
        >
          <EnumSelect
            id="camera-consentTier"
            value={state.consentTier}
            values={consentTiers}
            label={(v) => t(`consent.${v}`)}
            onChange={(v) => v && update({ consentTier: v })}
          />
        </Field>
        {text('consentExpiresAt', { type: 'datetime-local' })}
        {checkbox('signagePosted')}
      </fieldset>
      <fieldset>
        <legend>{t('form.owner')}</legend>
        {text('ownerName')}
        {text('ownerPhone', { type: 'tel' })}
        {text('ownerEmail', { type: 'email' })}
      </fieldset>
      <details
        className="form-more"
        open={error?.field !== undefined && moreFields.has(error.field)}
      >
        <summary>{t('form.more')}</summary>
        <fieldset>
          {text('mainStreamUrl', {
            wide: true,
            placeholder: existing?.mainStreamDisplay ?? 'rtsp://…',
          })}
          {text('subStreamUrl', {
            wide: true,
            placeholder: existing?.subStreamDisplay ?? 'rtsp://…',
          })}
          {checkbox('recordingEnabled')}
          {text('retentionDays', { type: 'number' })}
          {text('installedOn', { type: 'date' })}
          {text('fundingSource')}
          {text('costVnd', { type: 'number' })}
          {text('makeModel')}
          {text('notes', { wide: true })}
        </fieldset>
      </details>
      <div className="form-actions">
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t(submitLabel)}
        </button>
      </div>
    </form>
  );
}
