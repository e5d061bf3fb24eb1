import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { TextField } from '../../components/text-field.tsx';
import { useMe } from '../../lib/api/get-me.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { env } from '../../lib/env.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useChangePassword, useDeleteAccount, useSignOutEverywhere } from './api/account-requests.ts';
import './account.css';

export function AccountPage() {
  usePageTitle('Account');
  const me = useMe();
  return (
    <div className="account">
      <h1>Account</h1>
      {me.data && <p className="muted">Signed in as {me.data.email}</p>}
      <ChangePassword />
      <SignOutEverywhere />
      <ExportData />
      <DeleteAccount />
    </div>
  );
}

function ChangePassword() {
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(false);
    change.mutate(
      {
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      },
      {
        onSuccess: () => {
          form.reset();
          setDone(true);
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <p className="muted">Every other device signed in to this account is signed out.</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters. A phrase of a few unrelated words is strong; common passwords are refused."
          error={errors.newPassword}
        />
        {change.isError && Object.keys(errors).length === 0 && (
          <p className="banner banner-bad" role="alert">
            {errorMessage(change.error)}
          </p>
        )}
        {done && (
          <p className="banner" role="status">
            Password changed. Other devices are signed out.
          </p>
        )}
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const signOut = useSignOutEverywhere();
  const navigate = useNavigate();
  return (
    <section className="card" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">Sign out everywhere</h2>
      <p className="muted">Ends every session of this account, on this device and all others.</p>
      {signOut.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(signOut.error)}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/signin', { replace: true }) })}
      >
        Sign out everywhere
      </button>
    </section>
  );
}

function ExportData() {
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Your data</h2>
      <p className="muted">
        Everything stored about you (account, every attempt with its answers and results, saved questions and drill
        schedule) as one JSON file.
      </p>
      <a className="button button-secondary" href={`${env.VITE_API_BASE_URL}/api/auth/export`} download>
        Download my data
      </a>
    </section>
  );
}

function DeleteAccount() {
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const [confirmed, setConfirmed] = useState(false);
  const errors = fieldErrors(remove.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    remove.mutate({ password }, { onSuccess: () => navigate('/signup', { replace: true }) });
  };
  return (
    <section className="card danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        Your account and everything stored about it are deleted at once and for good: attempts, scores, saved questions.
        Download your data first if you want to keep it.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Your password, to confirm"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <label className="choice">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <span>I understand that this cannot be undone.</span>
        </label>
        {remove.isError && Object.keys(errors).length === 0 && (
          <p className="banner banner-bad" role="alert">
            {errorMessage(remove.error)}
          </p>
        )}
        <button type="submit" className="button button-danger" disabled={!confirmed || remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}
