// The web app reads only VITE_-prefixed variables, checked once here. Plain code rather than zod:
// this module is part of the initial chunk, and zod alone would cost ~25 KB gzipped there.
function readEnv() {
  const apiBaseUrl: unknown = import.meta.env.VITE_API_BASE_URL ?? '';
  if (typeof apiBaseUrl !== 'string') throw new Error('VITE_API_BASE_URL must be a string');
  return {
    /** Where the API lives; empty means the same origin that served the SPA. */
    VITE_API_BASE_URL: apiBaseUrl.replace(/\/+$/, ''),
  };
}

export const env = readEnv();
