import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './app/query-client.ts';
import { registerServiceWorkerOnceSettled } from './app/register-service-worker.ts';
import { AppRoutes, preloadRoute } from './app/router.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render waits for a new task and runs as a transition: evaluating the scripts, then
// rendering in slices of a few milliseconds, with the browser free to paint and handle input in
// between, instead of one long task on a slow phone.
setTimeout(() => {
  // The page's code and data start downloading now, beside the session check.
  preloadRoute(window.location.pathname, window.location.search);
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
  });
});

registerServiceWorkerOnceSettled();
