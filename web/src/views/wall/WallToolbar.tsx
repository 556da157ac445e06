import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { Wall } from './useWall';
import { wallSizes } from './wallLayout';

type NameMode = 'saveAs' | 'rename' | null;

/** Tile count, the saved layouts, and save / save as / rename / delete. */
export function WallToolbar({ wall }: { wall: Wall }) {
  const t = useT();
  const { draft, layouts, busy, dirty } = wall;
  const [nameMode, setNameMode] = useState<NameMode>(null);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState('');
  const nameProblem = name.trim().length < 1 || name.trim().length > 80;

  const startNaming = (mode: Exclude<NameMode, null>) => {
    setNameMode(mode);
    setName(mode === 'rename' ? draft.name : '');
    setNameTouched(false);
    setConfirmDelete(false);
    setNotice('');
  };

  const finish = (ok: boolean, message = t('wall.saved')) => {
    if (!ok) return;
    setNameMode(null);
    setConfirmDelete(false);
    setNotice(message);
  };

  const submitName = async (event: FormEvent) => {
    event.preventDefault();
    setNameTouched(true);
    if (nameProblem) return;
    finish(await (nameMode === 'rename' ? wall.rename(name) : wall.saveAs(name)));
  };

  return (
    <div className="wall-toolbar">
      <div className="wall-toolbar-row">
        <label htmlFor="wall-layout">{t('wall.layout')}</label>
        <select
          id="wall-layout"
          value={draft.layoutId ?? ''}
          onChange={(event) => {
            setNotice('');
            wall.open(event.target.value || null);
          }}
        >
          <option value="">{draft.layoutId ? t('wall.new') : t('wall.unsaved')}</option>
          {(layouts ?? []).map((layout) => (
            <option key={layout.id} value={layout.id}>
              {layout.name}
            </option>
          ))}
        </select>
        {draft.layoutId && dirty ? (
          <span className="wall-changed" data-testid="wall-changed">
            {t('wall.changed')}
          </span>
        ) : null}
      </div>
      <div className="wall-toolbar-row" role="group" aria-label={t('wall.size')}>
        <span className="wall-toolbar-label">{t('wall.size')}</span>
        {wallSizes.map((size) => (
          <button
            key={size}
            type="button"
            className={draft.size === size ? 'primary' : 'secondary'}
            aria-pressed={draft.size === size}
            data-wall-size={size}
            onClick={() => wall.setSize(size)}
          >
            {t('wall.sizeOption', { n: size })}
          </button>
        ))}
      </div>
      <div className="wall-toolbar-row">
        {draft.layoutId ? (
          <button
            type="button"
            className="primary"
            disabled={busy || !dirty}
            data-testid="wall-save"
            onClick={() => void wall.save().then((ok) => finish(ok))}
          >
            {t('wall.save')}
          </button>
        ) : null}
        <button
          type="button"
          className={draft.layoutId ? 'secondary' : 'primary'}
          disabled={busy}
          data-testid="wall-save-as"
          onClick={() => startNaming('saveAs')}
        >
          {t('wall.saveAs')}
        </button>
        {draft.layoutId ? (
          <>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => startNaming('rename')}
            >
              {t('wall.rename')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setNameMode(null);
                setConfirmDelete(true);
              }}
            >
              {t('wall.delete')}
            </button>
          </>
        ) : null}
        <span className="wall-notice" role="status">
          {dirty ? '' : notice}
        </span>
      </div>
      {nameMode ? (
        <form className="wall-name-form" onSubmit={(event) => void submitName(event)} noValidate>
          <label htmlFor="wall-layout-name">{t('wall.name')}</label>
          <input
            id="wall-layout-name"
            value={name}
            maxLength={80}
            autoFocus
            placeholder={t('wall.namePlaceholder')}
            aria-invalid={nameTouched && nameProblem}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {nameMode === 'rename' ? t('wall.rename') : t('wall.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setNameMode(null)}>
            {t('common.cancel')}
          </button>
          {nameTouched && nameProblem ? (
            <p className="field-error" role="alert">
              {t('wall.nameProblem')}
            </p>
          ) : null}
        </form>
      ) : null}
      {confirmDelete ? (
        <div className="wall-confirm" role="alertdialog" aria-labelledby="wall-confirm-text">
          <p id="wall-confirm-text">{t('wall.deleteConfirm', { name: draft.name })}</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void wall.remove().then((ok) => finish(ok, ''))}
          >
            {t('wall.confirmDelete')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
