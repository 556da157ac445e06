import { useState } from 'react';
import { toApiError, withQuery, type ApiError } from '../api/client';
import { targets } from '../api/planning';
import { ErrorMessage } from '../components/ErrorMessage';
import { UnitPicker } from '../components/UnitPicker';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { targetWriterRoles } from '../permissions';
import { TargetCard } from '../views/planning/TargetCard';
import { TargetForm } from '../views/planning/TargetForm';
import '../styles/planning.css';

/** A unit's targets and those of the units under it, with progress and a projection each. */
export function TargetsPage() {
  const t = useT();
  const me = useMe();
  const { query } = useLocation();
  const unitId = query.get('unitId') ?? me.jurisdictionId ?? '';
  const list = useResource(() => targets.list(unitId), unitId ? `targets:${unitId}` : null);
  const [error, setError] = useState<ApiError | null>(null);
  const canWrite = targetWriterRoles.includes(me.role);
  const items = list.data?.items ?? [];

  const remove = async (id: string) => {
    setError(null);
    try {
      await targets.remove(id);
      list.reload();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <div className="page targets-page" data-testid="targets-page">
      <div className="page-header">
        <h1>{t('targets.title')}</h1>
        <UnitPicker
          id="targets-unit"
          value={unitId}
          onChange={(unit) =>
            navigate(withQuery('/targets', { unitId: unit?.id }), { replace: true })
          }
        />
      </div>
      {!unitId ? <p className="empty">{t('coverage.chooseUnit')}</p> : null}
      <ErrorMessage error={list.error ?? error} />
      {list.data && items.length === 0 ? <p className="empty">{t('targets.empty')}</p> : null}
      <div className="card-list target-list">
        {items.map((target) => (
          <TargetCard
            key={target.id}
            target={target}
            onDelete={canWrite ? () => void remove(target.id) : undefined}
          />
        ))}
      </div>
      {canWrite ? <TargetForm defaultUnitId={unitId} onCreated={list.reload} /> : null}
    </div>
  );
}
