interface EnumSelectProps<T extends string> {
  id: string;
  value: T | '';
  values: readonly T[];
  label: (value: T) => string;
  onChange: (value: T | '') => void;
  /** Text of the empty choice ("all"); without it a value must be chosen. */
  emptyLabel?: string;
  ariaLabel?: string;
}

export function EnumSelect<T extends string>(props: EnumSelectProps<T>) {
  const { id, value, values, label, onChange, emptyLabel, ariaLabel } = props;
  return (
    <select
      id={id}
      value={value}
      aria-label={ariaLabel}
      onChange={(event) => {
        const chosen = values.find((v) => v === event.target.value);
        onChange(chosen ?? '');
      }}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );
}
