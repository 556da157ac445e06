import { Field } from '../../components/Field';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatVnd, parseVndInput, tidyVndInput } from './money';

/**
 * An amount in VND as people type it ("1.500.000", "1500000"), grouped when the field is
 * left, with the amount read back underneath so a slip of a zero is seen before saving.
 */
export function AmountInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { id, label, value, onChange, error, required } = props;
  const t = useT();
  const { language } = useLanguage();
  const parsed = parseVndInput(value);
  const hint =
    parsed === null
      ? t('funding.amountHint')
      : Number.isNaN(parsed)
        ? t('funding.amountNotNumber')
        : t('funding.amountReads', { amount: formatVnd(parsed, language) });
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        required={required}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => onChange(tidyVndInput(value, language))}
      />
    </Field>
  );
}

/** The typed amount as sent: a fraction or zero goes to the server, which names the problem. */
export function amountToSend(value: string): number | undefined {
  const parsed = parseVndInput(value);
  return parsed === null || Number.isNaN(parsed) ? undefined : parsed;
}
