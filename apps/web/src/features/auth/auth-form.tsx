import { type FormEvent, useRef, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { errorMessage } from '../../lib/api-client.ts';
import { fieldErrors } from '../../lib/field-errors.ts';

export interface Credentials {
  email: string;
  password: string;
}

interface AuthFormProps {
  submitLabel: string;
  pendingLabel: string;
  /** Sign-up asks for a new password (8+ characters); sign-in for the current one. */
  newPassword: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (credentials: Credentials) => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AuthForm({ submitLabel, pendingLabel, newPassword, pending, error, onSubmit }: AuthFormProps) {
  const [errors, setErrors] = useState<Partial<Credentials>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const server = fieldErrors(error);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const next: Partial<Credentials> = {};
    if (!EMAIL.test(email)) next.email = 'Enter an email address like name@example.com.';
    if (newPassword && password.length < 8) next.password = 'Use at least 8 characters.';
    else if (password.length === 0) next.password = 'Enter your password.';
    else if (password.length > 128) next.password = 'Use at most 128 characters.';
    setErrors(next);
    if (next.email || next.password) {
      // Send the user straight to the first field that needs fixing.
      const first = next.email ? 'email' : 'password';
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    onSubmit({ email, password });
  };

  const showGeneral = error && !server.email && !server.password;
  return (
    // method="post": should the form ever submit natively (before the app is interactive), the
    // password must not end up in the URL.
    <form ref={formRef} method="post" className="form auth-form" noValidate onSubmit={handleSubmit}>
      {showGeneral ? (
        <p className="banner banner-bad" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errors.email ?? server.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        required
        hint={
          newPassword
            ? 'At least 8 characters. A phrase of a few unrelated words is strong; common passwords are refused.'
            : undefined
        }
        error={errors.password ?? server.password}
      />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
