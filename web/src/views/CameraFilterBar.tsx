import { useEffect, useState } from 'react';
import type { CameraFilters } from '../api/endpoints';
import { cameraStatuses, consentTiers, ownerKinds } from '../api/types';
import { EnumSelect } from '../components/EnumSelect';
import { UnitPicker } from '../components/UnitPicker';
import { useDebounced } from '../hooks/useResource';
import { useT } from '../i18n/i18n';

interface CameraFilterBarProps {
  filters: CameraFilters;
  onChange: (filters: CameraFilters) => void;
}

/** Unit, owner kind, status, consent tier and free text; text applies once typing pauses. */
export function CameraFilterBar({ filters, onChange }: CameraFilterBarProps) {
  const t = useT();
  const [text, setText] = useState(filters.q ?? '');
  const debounced = useDebounced(text, 300);
  useEffect(() => {
    if (debounced !== (filters.q ?? '')) onChange({ ...filters, q: debounced });
  }, [debounced, filters, onChange]);

  return (
    <form className="filter-bar" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="filter">
        <label htmlFor="filter-q">{t('filter.search')}</label>
        <input
          id="filter-q"
          type="search"
          value={text}
          placeholder={t('filter.searchPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-unit">{t('camera.jurisdiction')}</label>
        <UnitPicker
          id="filter-unit"
          clearable
          value={filters.jurisdictionId ?? ''}
          onChange={(unit) => onChange({ ...filters, jurisdictionId: unit?.id ?? '' })}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-owner-kind">{t('camera.ownerKind')}</label>
        <EnumSelect
          id="filter-owner-kind"
          value={filters.ownerKind ?? ''}
          values={ownerKinds}
          label={(v) => t(`ownerKind.${v}`)}
          emptyLabel={t('filter.all')}
          onChange={(ownerKind) => onChange({ ...filters, ownerKind })}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-status">{t('camera.status')}</label>
        <EnumSelect
          id="filter-status"
          value={filters.status ?? ''}
          values={cameraStatuses}
          label={(v) => t(`status.${v}`)}
          emptyLabel={t('filter.all')}
          onChange={(status) => onChange({ ...filters, status })}
        />
      </div>
      <div className="filter">
        <label htmlFor="filter-consent">{t('camera.consentTier')}</label>
        <EnumSelect
          id="filter-consent"
          value={filters.consentTier ?? ''}
          values={consentTiers}
          label={(v) => t(`consent.${v}`)}
          emptyLabel={t('filter.all')}
          onChange={(consentTier) => onChange({ ...filters, consentTier })}
        />
      </div>
    </form>
  );
}
