import { useId } from 'react';

/** A labelled PIN box: digits only, hidden, never autofilled, with the number pad on tablets. */
export function PinField(props: { label: string; value: string; onChange(value: string): void; autoFocus?: boolean }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, ''))}
      />
    </>
  );
}
