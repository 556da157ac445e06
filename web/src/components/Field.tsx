import type { ReactNode } from 'react';

interface FieldProps {
  /** The input's id, so the label and error text are tied to it. */
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
}

/** A labelled form field with the API's error for that field shown beside it. */
export function Field({ id, label, error, hint, children, wide }: FieldProps) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? <small className="field-hint">{hint}</small> : null}
      {error ? (
        <small className="field-error" id={`${id}-error`} role="alert" data-field-error={id}>
          {error}
        </small>
      ) : null}
    </div>
  );
}
