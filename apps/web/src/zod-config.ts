import { config } from 'zod';

// Zod compiles fast parsers with `new Function` when it may, and finds out by trying: under this
// app's Content Security Policy (no 'unsafe-eval') each try is a CSP violation the browser reports
// on every page. The interpreted parsers are fast enough for API responses. This must run before
// any schema is built, so main.tsx imports it first.
config({ jitless: true });
