import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, PageSkeleton } from '../components/query-state.tsx';
import { useMe, useSessionUser } from '../lib/api/get-me.ts';

/** Pages behind this need a session; without one the user goes to sign in and comes back after. */
export function RequireAuth() {
  const me = useSessionUser();
  const location = useLocation();
  if (me.isPending) return <PageSkeleton label="Checking your session…" />;
  if (me.isError) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title="We could not check your session" />
      </main>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Where a signed-in user is sent from the sign-in page: the page they wanted, if it is ours. */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** Sign-in and sign-up make no sense with a session: go where the user was heading instead. */
export function PublicOnly() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSkeleton label="Checking your session…" />;
  if (me.data) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <Outlet />;
}
