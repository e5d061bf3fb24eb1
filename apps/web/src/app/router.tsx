import { createBrowserRouter, Outlet } from 'react-router';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { PageSkeleton } from '../components/query-state.tsx';
import { AppLayout, AuthLayout } from './app-layout.tsx';
import { prefetchDashboard, prefetchResults, prefetchReview } from './prefetch.ts';
import { PublicOnly, RequireAuth } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';
import { RouteFocus } from './route-focus.tsx';

function Root() {
  return (
    <>
      <RouteFocus />
      <Outlet />
    </>
  );
}

// Pages load on demand so that the first visit downloads only what it shows.
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    HydrateFallback: () => <PageSkeleton />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          {
            element: <AuthLayout />,
            children: [
              {
                path: 'signin',
                lazy: async () => ({ Component: (await import('../features/auth/sign-in-page.tsx')).SignInPage }),
              },
              {
                path: 'signup',
                lazy: async () => ({ Component: (await import('../features/auth/sign-up-page.tsx')).SignUpPage }),
              },
            ],
          },
        ],
      },
      {
        // Reached from a reset link, signed in or not.
        element: <AuthLayout />,
        children: [
          {
            path: 'reset-password',
            lazy: async () => ({
              Component: (await import('../features/account/reset-password-page.tsx')).ResetPasswordPage,
            }),
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                loader: prefetchDashboard,
                lazy: async () => ({
                  Component: (await import('../features/dashboard/dashboard-page.tsx')).DashboardPage,
                }),
              },
              {
                path: 'practice',
                lazy: async () => ({
                  Component: (await import('../features/practice-setup/practice-setup-page.tsx')).PracticeSetupPage,
                }),
              },
              {
                path: 'history',
                lazy: async () => ({ Component: (await import('../features/history/history-page.tsx')).HistoryPage }),
              },
              {
                path: 'saved',
                lazy: async () => ({ Component: (await import('../features/saved/saved-page.tsx')).SavedPage }),
              },
              {
                path: 'search',
                lazy: async () => ({ Component: (await import('../features/search/search-page.tsx')).SearchPage }),
              },
              {
                path: 'admin',
                lazy: async () => ({ Component: (await import('../features/admin/admin-page.tsx')).AdminPage }),
              },
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('../features/account/account-page.tsx')).AccountPage }),
              },
              {
                path: 'attempts/:id/results',
                loader: prefetchResults,
                lazy: async () => ({ Component: (await import('../features/results/results-page.tsx')).ResultsPage }),
              },
              {
                path: 'attempts/:id/review',
                loader: prefetchReview,
                lazy: async () => ({ Component: (await import('../features/review/review-page.tsx')).ReviewPage }),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          {
            // The runner has its own minimal frame: the question, the clock and nothing to wander off to.
            path: 'attempts/:id',
            errorElement: <RouteError />,
            lazy: async () => ({ Component: (await import('../features/exam/exam-page.tsx')).ExamPage }),
          },
        ],
      },
    ],
  },
]);
