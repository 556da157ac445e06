import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { helpedByChoices, incidents, type HelpedBy, type Incident } from '../../api/incidents';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/i18n';
import { nextStatuses } from './incidentRules';

/** Solving a case records whether footage helped and how: the figure the project is judged by. */
function OutcomeForm({
  incident,
  onSaved,
}: {
  incident: Incident;
  onSaved: (saved: Incident) => void;
}) {
  const t = useT();
  const [helped, setHelped] = useState<boolean | null>(null);
  const [helpedBy, setHelpedBy] = useState<HelpedBy[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (helped === null) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await incidents.setStatus(incident.id, {
        status: 'solved',
        footageHelped: helped,
        helpedBy: helped ? helpedBy : ['none'],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onSaved(saved);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (choice: HelpedBy) =>
    setHelpedBy((current) =>
      current.includes(choice) ? current.filter((c) => c !== choice) : [...current, choice],
    );
  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      data-testid="outcome-form"
    >
      <fieldset>
        <legend>{t('incidents.outcome.helped')}</legend>
        {([true, false] as const).map((value) => (
          <label key={String(value)} className="checkbox">
            <input
              type="radio"
              name="footage-helped"
              checked={helped === value}
              onChange={() => setHelped(value)}
            />
            {t(value ? 'common.yes' : 'common.no')}
          </label>
        ))}
      </fieldset>
      {helped ? (
        <fieldset>
          <legend>{t('incidents.outcome.helpedBy')}</legend>
          {helpedByChoices
            .filter((choice) => choice !== 'none')
            .map((choice) => (
              <label key={choice} className="checkbox">
                <input
                  type="checkbox"
                  checked={helpedBy.includes(choice)}
                  onChange={() => toggle(choice)}
                />
                {t(`incidents.helpedBy.${choice}`)}
              </label>
            ))}
        </fieldset>
      ) : null}
      <label htmlFor="outcome-note">{t('incidents.outcome.note')}</label>
      <input id="outcome-note" value={note} onChange={(event) => setNote(event.target.value)} />
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || helped === null}>
          {t('incidents.status.solved')}
        </button>
      </div>
    </form>
  );
}

/** The moves open to the case from its current status. */
export function StatusActions({
  incident,
  onSaved,
}: {
  incident: Incident;
  onSaved: (saved: Incident) => void;
}) {
  const t = useT();
  const [solving, setSolving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const moves = nextStatuses(incident.status);
  if (moves.length === 0) return null;

  const move = async (status: 'investigating' | 'unsolved' | 'closed') => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await incidents.setStatus(incident.id, { status }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="status-actions" data-testid="status-actions">
      <div className="button-row">
        {moves.map((status) =>
          status === 'solved' ? (
            <button
              key={status}
              type="button"
              aria-expanded={solving}
              onClick={() => setSolving((s) => !s)}
            >
              {t('incidents.action.solved')}
            </button>
          ) : (
            <button
              key={status}
              type="button"
              data-testid={`status-${status}`}
              disabled={busy}
              onClick={() => void move(status)}
            >
              {t(`incidents.action.${status}`)}
            </button>
          ),
        )}
      </div>
      <ErrorMessage error={error} />
      {solving ? (
        <OutcomeForm
          incident={incident}
          onSaved={(saved) => {
            setSolving(false);
            onSaved(saved);
          }}
        />
      ) : null}
    </div>
  );
}
