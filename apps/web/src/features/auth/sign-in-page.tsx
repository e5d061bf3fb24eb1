import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/page-title.ts';
import { useSignIn } from './api/sign-in.ts';
import { AuthForm } from './auth-form.tsx';
import { useReturnTarget } from './use-return-target.ts';

export function SignInPage() {
  usePageTitle('Sign in');
  const signIn = useSignIn();
  const navigate = useNavigate();
  const { target, withNext } = useReturnTarget();

  return (
    <section className="auth-page">
      <h1>Sign in</h1>
      <p className="lead">
        Timed 65-question mocks weighted like SAA-C03, focused practice by domain or section, and a review that explains
        every option.
      </p>
      <div className="card">
        <AuthForm
          submitLabel="Sign in"
          pendingLabel="Signing in…"
          newPassword={false}
          pending={signIn.isPending}
          error={signIn.error}
          onSubmit={(credentials) =>
            signIn.mutate(credentials, { onSuccess: () => navigate(target, { replace: true }) })
          }
        />
      </div>
      <p className="auth-switch">
        New here? <Link to={withNext('/signup')}>Create an account</Link>
      </p>
    </section>
  );
}
