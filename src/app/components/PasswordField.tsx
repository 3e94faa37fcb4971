// One labelled password field for sign-in, the idle lock and choosing a password. "Show password"
// lets a person check what they typed on a small phone keyboard, in the dark, before a wrong guess
// counts against the sign-in throttle.
import { useState } from 'react';

interface Props {
  id: string;
  label: string;
  /** current-password to sign in or unlock, new-password to choose one (password managers read it). */
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  name?: string;
}

export function PasswordField({ id, label, autoComplete, value, onChange, name }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="password-field">
        <input
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="secondary"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown(!shown)}
        >
          Show<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </span>
    </>
  );
}
