import { z } from 'zod';

// The web app reads only VITE_-prefixed variables, validated once here.
const Env = z.object({
  /** Where the API lives; empty means the same origin that served the SPA. */
  VITE_API_BASE_URL: z.string().default(''),
});

export const env = Env.parse(import.meta.env);
