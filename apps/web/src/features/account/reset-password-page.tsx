import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { TextField } from '../../components/text-field.tsx';
import { errorMessage } from '../../lib/api-client.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useResetPassword } from './api/account-requests.ts';

/** Opened from a one-time link an operator made (`pnpm user:reset-password`); the token is in the #fragment. */
export function ResetPasswordPage() {
  usePageTitle('Set a new password');
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const errors = fieldErrors(reset.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get('newPassword') ?? '');
    reset.mutate({ token, newPassword }, { onSuccess: () => setDone(true) });
  };
  return (
    <section className="auth-page">
      <h1>Set a new password</h1>
      <div className="card">
        {done ? (
          <p role="status">
            Your password is set and every session of the account has ended. <Link to="/signin">Sign in</Link> with the
            new password.
          </p>
        ) : !token ? (
          <p className="banner banner-bad" role="alert">
            This link has no reset token. Ask the person who runs this site for a new link.
          </p>
        ) : (
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label="New password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 8 characters. A phrase of a few unrelated words is strong; common passwords are refused."
              error={errors.newPassword ?? errors.token}
            />
            {reset.isError && Object.keys(errors).length === 0 && (
              <p className="banner banner-bad" role="alert">
                {errorMessage(reset.error)}
              </p>
            )}
            <button type="submit" className="button" disabled={reset.isPending}>
              {reset.isPending ? 'Saving…' : 'Set the new password'}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
