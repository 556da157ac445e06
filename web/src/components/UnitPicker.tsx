import { useState } from 'react';
import { jurisdictions } from '../api/endpoints';
import type { Unit } from '../api/types';
import { useT } from '../i18n/i18n';
import { useDebounced, useResource } from '../hooks/useResource';

interface UnitPickerProps {
  id: string;
  value: string;
  onChange: (unit: Unit | null) => void;
  /** Offer "all units" as a choice (filters) rather than requiring one (forms). */
  clearable?: boolean;
}

/** Finds a jurisdiction by name or code, accents optional ("xuan dinh" finds Xuân Đỉnh). */
export function UnitPicker({ id, value, onChange, clearable }: UnitPickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 250);
  const selected = useResource(() => jurisdictions.get(value), value ? `unit:${value}` : null);
  const results = useResource(
    () => jurisdictions.search({ q: debounced }),
    debounced ? `units:${debounced}` : null,
  );
  const selectedName =
    value && selected.data?.id === value ? `${selected.data.kind} ${selected.data.name}` : value;

  return (
    <div className="unit-picker">
      {value ? (
        <div className="unit-picker-selected">
          <span data-testid={`${id}-selected`}>{selectedName}</span>
          {clearable ? (
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              {t('unit.clear')}
            </button>
          ) : null}
        </div>
      ) : null}
      <input
        id={id}
        type="search"
        value={query}
        placeholder={value ? t('unit.change') : t('unit.search')}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      {debounced && query ? (
        <ul className="unit-picker-results" role="listbox" aria-label={t('unit.results')}>
          {(results.data?.items ?? []).slice(0, 8).map((unit) => (
            <li key={unit.id} role="option" aria-selected={unit.id === value}>
              <button
                type="button"
                onClick={() => {
                  onChange(unit);
                  setQuery('');
                }}
              >
                {unit.kind} {unit.name} <small>{unit.code}</small>
                {unit.validTo ? <small> · {t('unit.historic')}</small> : null}
              </button>
            </li>
          ))}
          {results.data && results.data.items.length === 0 ? (
            <li className="unit-picker-empty">{t('unit.none')}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
