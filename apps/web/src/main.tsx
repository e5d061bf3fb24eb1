import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './app/query-client.ts';
import { registerServiceWorkerOnceSettled } from './app/register-service-worker.ts';
import { AppRoutes, prefetchRouteData, preloadRouteCode } from './app/router.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Nothing heavy runs while the scripts are evaluated, and each step below is a task of its own, so
// that a slow phone can paint and handle input between them (docs/benchmarks.md).
const steps = [
  // The page's data first: its requests have a round trip to make, beside the session check.
  () => prefetchRouteData(window.location.pathname, window.location.search),
  () => preloadRouteCode(window.location.pathname),
  // The first render runs as a transition: in slices of a few milliseconds.
  () =>
    startTransition(() => {
      createRoot(root).render(
        <StrictMode>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </QueryClientProvider>
        </StrictMode>,
      );
    }),
];
const runNextStep = () => {
  steps.shift()?.();
  if (steps.length > 0) setTimeout(runNextStep);
};
setTimeout(runNextStep);

registerServiceWorkerOnceSettled();
