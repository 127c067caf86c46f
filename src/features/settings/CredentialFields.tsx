import { useId } from 'react';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** A teacher's email and password, labelled, for signing in or proving a teacher is at a new tablet. */
export function CredentialFields(props: {
  value: Credentials;
  onChange(value: Credentials): void;
  emailLabel: string;
  passwordLabel: string;
}) {
  const id = useId();
  const { value, onChange } = props;
  return (
    <>
      <label htmlFor={`${id}-email`}>{props.emailLabel}</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.target.value })}
        required
      />
      <label htmlFor={`${id}-password`}>{props.passwordLabel}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        required
      />
    </>
  );
}
