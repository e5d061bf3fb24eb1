import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/page-title.ts';
import { useSignUp } from './api/sign-up.ts';
import { AuthForm } from './auth-form.tsx';
import { useReturnTarget } from './use-return-target.ts';

export function SignUpPage() {
  usePageTitle('Create an account');
  const signUp = useSignUp();
  const navigate = useNavigate();
  const { target, withNext } = useReturnTarget();

  return (
    <section className="auth-page">
      <h1>Create an account</h1>
      <p className="lead">Your attempts, scores and review schedule are kept with your account.</p>
      <div className="card">
        <AuthForm
          submitLabel="Create account"
          pendingLabel="Creating your account…"
          newPassword
          pending={signUp.isPending}
          error={signUp.error}
          onSubmit={(credentials) =>
            signUp.mutate(credentials, { onSuccess: () => navigate(target, { replace: true }) })
          }
        />
      </div>
      <p className="auth-switch">
        Already have an account? <Link to={withNext('/signin')}>Sign in</Link>
      </p>
    </section>
  );
}
