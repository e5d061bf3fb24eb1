import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Pages load on demand so that the first visit downloads only what it shows.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/home/home-page.tsx')).HomePage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
