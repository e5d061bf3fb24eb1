import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

// React Router 7 points every import at its development build, dev warnings included
// (remix-run/react-router#14102); a build takes its production build, which has them off.
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

// In development Vite serves the SPA and forwards /api to the API started by `pnpm dev`.
export default defineConfig(({ command }) => ({
  resolve: command === 'build' ? { alias: [{ find: /^react-router$/, replacement: reactRouterProduction }] } : {},
  plugins: [
    react(),
    // A service worker that keeps the app shell (HTML, scripts, styles, icons) so that reloading the
    // exam page offline opens the app with its local answers. It never caches /api: answers and
    // keys only ever come from the server. A new version waits until every tab of the old one has
    // closed ('prompt' without a prompt), so a running exam is never reloaded under the candidate.
    // The app registers it itself, once the first page has settled (src/app/register-service-worker.ts).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
    // Brotli and gzip copies of every text asset, made once at build time and served by the API
    // (@fastify/static preCompressed) to browsers that accept them; source maps stay as they are.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      exclude: [/\.map$/],
      threshold: 1024,
    }),
  ],
  envPrefix: 'VITE_',
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
  // Source maps are built as hidden files (no sourceMappingURL comment in the scripts); the server
  // sends them only when SERVE_SOURCE_MAPS is set.
  build: {
    target: 'es2022',
    sourcemap: 'hidden',
    // A page chunk's own imports are left for the browser to find when the chunk loads, instead of a
    // <link rel=modulepreload> appended for each (twelve for the review) in the app's start task: on
    // a phone that task was the longest of the load (docs/benchmarks.md). A page's styles are still
    // loaded with its chunk.
    modulePreload: { resolveDependencies: () => [] },
  },
}));
