import { useState } from 'react';
import { cameras, jurisdictions } from '../api/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { CameraForm } from '../views/CameraForm';
import {
  cameraFormFrom,
  cameraInputFrom,
  cameraPatchFrom,
  emptyCameraForm,
} from '../views/cameraFormState';

/** Hà Nội's centre, for accounts whose unit has no coordinates. */
const defaultCenter: [number, number] = [21.0285, 105.8542];

/** `/cameras/new` registers a camera; `/cameras/:id/edit` changes one. */
export function CameraEditPage({ params }: PageProps) {
  const id = params.id;
  const t = useT();
  const me = useMe();
  const existing = useResource(() => cameras.get(id ?? ''), id ? `camera:${id}` : null);
  const home = useResource(
    () => jurisdictions.get(me.jurisdictionId ?? ''),
    !id && me.jurisdictionId ? `home:${me.jurisdictionId}` : null,
  );
  const [blank] = useState(() => emptyCameraForm(me.role, me.jurisdictionId));

  if (id) {
    if (existing.error) return <ErrorMessage error={existing.error} />;
    const camera = existing.data;
    if (!camera) return <p className="muted">{t('common.loading')}</p>;
    const original = cameraFormFrom(camera);
    return (
      <div className="page">
        <h1>{t('form.editTitle', { name: camera.name })}</h1>
        <CameraForm
          initial={original}
          existing={camera}
          fallbackCenter={[camera.latitude, camera.longitude]}
          submitLabel="common.save"
          onSubmit={async (state) => {
            const saved = await cameras.update(camera.id, cameraPatchFrom(original, state));
            navigate(`/cameras/${encodeURIComponent(saved.id)}`);
          }}
        />
      </div>
    );
  }

  if (home.loading) return <p className="muted">{t('common.loading')}</p>;
  const unit = home.data;
  const center: [number, number] =
    unit && unit.latitude !== null && unit.longitude !== null
      ? [unit.latitude, unit.longitude]
      : defaultCenter;
  return (
    <div className="page">
      <h1>{me.role === 'camera_owner' ? t('form.registerTitle') : t('form.newTitle')}</h1>
      {me.role === 'camera_owner' ? <p className="muted">{t('form.ownerIntro')}</p> : null}
      <CameraForm
        initial={blank}
        fallbackCenter={center}
        submitLabel={me.role === 'camera_owner' ? 'form.register' : 'form.create'}
        onSubmit={async (state) => {
          const created = await cameras.create(cameraInputFrom(state));
          navigate(`/cameras/${encodeURIComponent(created.id)}`);
        }}
      />
    </div>
  );
}
