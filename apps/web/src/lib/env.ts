// The web app reads only VITE_-prefixed variables, checked once here (plain code: the browser
// carries no schema library, decision 019).
function readEnv() {
  const apiBaseUrl: unknown = import.meta.env.VITE_API_BASE_URL ?? '';
  if (typeof apiBaseUrl !== 'string') throw new Error('VITE_API_BASE_URL must be a string');
  return {
    /** Where the API lives; empty means the same origin that served the SPA. */
    VITE_API_BASE_URL: apiBaseUrl.replace(/\/+$/, ''),
  };
}

export const env = readEnv();
