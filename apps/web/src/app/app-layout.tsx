import { Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { PageSkeleton } from '../components/query-state.tsx';
import { ThemeToggle } from '../components/theme-toggle.tsx';
import { useSignOut } from '../features/auth/api/sign-out.ts';
import { useSessionUser } from '../lib/api/get-me.ts';

/**
 * The favicon's badge drawn in CSS: as an <img> the SVG (with text inside) cost its own document,
 * font lookup and layout on every first load, a long task on a slow phone.
 */
function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      SAA
    </span>
  );
}

/** Where a layout shows its page: a skeleton while the page's code downloads. */
function PageOutlet() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Outlet />
    </Suspense>
  );
}

/** The frame of every signed-in page except the exam runner, which keeps the question in focus. */
export function AppLayout() {
  const me = useSessionUser();
  const signOut = useSignOut();
  const navigate = useNavigate();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <BrandMark />
          SAA-C03 Practice
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/" end>
            Dashboard
          </NavLink>
          <NavLink to="/practice">Practice</NavLink>
          <NavLink to="/history">History</NavLink>
          <NavLink to="/saved">Saved</NavLink>
          <NavLink to="/search">Search</NavLink>
          <NavLink to="/account">Account</NavLink>
          {me.data?.role === 'admin' && <NavLink to="/admin">Items</NavLink>}
        </nav>
        <div className="topbar-tools">
          <ThemeToggle />
          <Link to="/account" className="user-email" title={`${me.data?.email ?? ''}: account settings`}>
            {me.data?.email}
          </Link>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/signin', { replace: true }) })}
          >
            Sign out
          </button>
        </div>
      </header>
      {signOut.isError && (
        <p className="banner banner-bad" role="alert">
          Signing out failed: {signOut.error.message}
        </p>
      )}
      <main id="main" tabIndex={-1} className="page">
        <PageOutlet />
      </main>
    </div>
  );
}

/** The frame of the sign-in and sign-up pages. */
export function AuthLayout() {
  return (
    <div className="shell shell-auth">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar topbar-plain">
        <Link to="/signin" className="brand">
          <BrandMark />
          SAA-C03 Practice
        </Link>
        <div className="topbar-tools">
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page-narrow">
        <PageOutlet />
      </main>
    </div>
  );
}
