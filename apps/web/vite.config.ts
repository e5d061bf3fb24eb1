import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the SPA and forwards /api to the API started by `pnpm dev`.
export default defineConfig({
  plugins: [react()],
  envPrefix: 'VITE_',
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
  // Source maps are built as hidden files (no sourceMappingURL comment in the scripts); the server
  // sends them only when SERVE_SOURCE_MAPS is set.
  build: { target: 'es2022', sourcemap: 'hidden' },
});
