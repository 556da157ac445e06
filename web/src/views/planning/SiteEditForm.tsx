import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { sites, type Site } from '../../api/planning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/i18n';

const fields = ['responsibleName', 'responsiblePhone', 'notes'] as const;
type EditField = (typeof fields)[number];

/** Who answers for the site and what the survey found; an emptied field is cleared. */
export function SiteEditForm(props: { site: Site; onSaved: (site: Site) => void }) {
  const { site, onSaved } = props;
  const t = useT();
  const [values, setValues] = useState<Record<EditField, string>>({
    responsibleName: site.responsibleName ?? '',
    responsiblePhone: site.responsiblePhone ?? '',
    notes: site.notes ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const change = Object.fromEntries(
        fields.map((field) => [field, values[field].trim() || null]),
      ) as Record<EditField, string | null>;
      onSaved(await sites.update(site.id, change));
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: EditField, multiline = false) => {
    const id = `site-${field}`;
    const onChange = (value: string) => {
      setSaved(false);
      setValues((v) => ({ ...v, [field]: value }));
    };
    return (
      <Field id={id} label={t(`sites.field.${field}`)} error={fieldError(field)} wide={multiline}>
        {multiline ? (
          <textarea
            id={id}
            rows={3}
            value={values[field]}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input id={id} value={values[field]} onChange={(e) => onChange(e.target.value)} />
        )}
      </Field>
    );
  };

  return (
    <form
      className="card site-edit"
      onSubmit={(event) => void submit(event)}
      data-testid="site-edit"
    >
      <h2>{t('sites.responsibility')}</h2>
      {input('responsibleName')}
      {input('responsiblePhone')}
      {input('notes', true)}
      {error?.field && (fields as readonly string[]).includes(error.field) ? null : (
        <ErrorMessage error={error} />
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        {saved ? (
          <span className="saved" role="status">
            {t('common.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
