import { useSearchParams } from 'react-router';

/**
 * Where to go after signing in or up: the `?next=` path the user was sent away from, when it is a
 * path of this app (an absolute or protocol-relative URL would make the form an open redirect).
 * `withNext` keeps that target when the user switches between the two forms.
 */
export function useReturnTarget() {
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);
  return { target, withNext };
}
