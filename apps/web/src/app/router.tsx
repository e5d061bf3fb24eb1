import { Suspense, useEffect, useRef } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { PageSkeleton } from '../components/query-state.tsx';
import { AppLayout, AuthLayout } from './app-layout.tsx';
import { type LazyPage, lazyPage } from './lazy-page.ts';
import { type PrefetchArgs, prefetchDashboard, prefetchResults, prefetchReview } from './prefetch.ts';
import { PublicOnly, RequireAuth } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';
import { RouteFocus } from './route-focus.tsx';

// Pages load on demand so that the first visit downloads only what it shows.
const pages = {
  signIn: lazyPage(
    () => import('../features/auth/sign-in-page.tsx'),
    (m) => m.SignInPage,
  ),
  signUp: lazyPage(
    () => import('../features/auth/sign-up-page.tsx'),
    (m) => m.SignUpPage,
  ),
  resetPassword: lazyPage(
    () => import('../features/account/reset-password-page.tsx'),
    (m) => m.ResetPasswordPage,
  ),
  dashboard: lazyPage(
    () => import('../features/dashboard/dashboard-page.tsx'),
    (m) => m.DashboardPage,
  ),
  practice: lazyPage(
    () => import('../features/practice-setup/practice-setup-page.tsx'),
    (m) => m.PracticeSetupPage,
  ),
  history: lazyPage(
    () => import('../features/history/history-page.tsx'),
    (m) => m.HistoryPage,
  ),
  saved: lazyPage(
    () => import('../features/saved/saved-page.tsx'),
    (m) => m.SavedPage,
  ),
  search: lazyPage(
    () => import('../features/search/search-page.tsx'),
    (m) => m.SearchPage,
  ),
  admin: lazyPage(
    () => import('../features/admin/admin-page.tsx'),
    (m) => m.AdminPage,
  ),
  account: lazyPage(
    () => import('../features/account/account-page.tsx'),
    (m) => m.AccountPage,
  ),
  results: lazyPage(
    () => import('../features/results/results-page.tsx'),
    (m) => m.ResultsPage,
  ),
  review: lazyPage(
    () => import('../features/review/review-page.tsx'),
    (m) => m.ReviewPage,
  ),
  exam: lazyPage(
    () => import('../features/exam/exam-page.tsx'),
    (m) => m.ExamPage,
  ),
};

/** What a route asks for ahead of rendering: its page's code and, for some, its data. */
interface RouteHandle {
  page: LazyPage;
  prefetch?: (args: PrefetchArgs) => void;
}

const page = (lazy: LazyPage, prefetch?: RouteHandle['prefetch']) => ({
  element: <lazy.Component />,
  handle: { page: lazy, prefetch } satisfies RouteHandle,
});

const routes: RouteObject[] = [
  {
    element: <PublicOnly />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          { path: 'signin', ...page(pages.signIn) },
          { path: 'signup', ...page(pages.signUp) },
        ],
      },
    ],
  },
  // Reached from a reset link, signed in or not.
  { element: <AuthLayout />, children: [{ path: 'reset-password', ...page(pages.resetPassword) }] },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, ...page(pages.dashboard, prefetchDashboard) },
          { path: 'practice', ...page(pages.practice) },
          { path: 'history', ...page(pages.history) },
          { path: 'saved', ...page(pages.saved) },
          { path: 'search', ...page(pages.search) },
          { path: 'admin', ...page(pages.admin) },
          { path: 'account', ...page(pages.account) },
          { path: 'attempts/:id/results', ...page(pages.results, prefetchResults) },
          { path: 'attempts/:id/review', ...page(pages.review, prefetchReview) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      // The runner has its own minimal frame: the question, the clock and nothing to wander off to.
      { path: 'attempts/:id', ...page(pages.exam) },
    ],
  },
];

const handlesAt = (pathname: string) =>
  (matchRoutes(routes, pathname) ?? []).flatMap(({ route, params }) =>
    route.handle ? [{ handle: route.handle as RouteHandle, params }] : [],
  );

/** Starts the requests of the page at this address (the session check can take a round trip). */
export function prefetchRouteData(pathname: string, search: string) {
  for (const { handle, params } of handlesAt(pathname))
    handle.prefetch?.({ params, search: new URLSearchParams(search) });
}

/** Starts downloading the code of the page at this address. */
export function preloadRouteCode(pathname: string) {
  for (const { handle } of handlesAt(pathname)) handle.page.preload();
}

/** Starts the code and data of the page at this address. */
export function preloadRoute(pathname: string, search: string) {
  prefetchRouteData(pathname, search);
  preloadRouteCode(pathname);
}

/** The whole app below the router: pages by address, each behind an error boundary. */
export function AppRoutes() {
  const { pathname, search } = useLocation();
  const element = useRoutes(routes);
  // Client-side navigations; the first address was preloaded before the first render (main.tsx).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else preloadRoute(pathname, search);
  }, [pathname, search]);
  return (
    <ErrorBoundary FallbackComponent={RouteError} resetKeys={[pathname]}>
      <RouteFocus />
      <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
    </ErrorBoundary>
  );
}
