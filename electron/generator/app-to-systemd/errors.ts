// Error layering by release: from v1.0.0 rkt wraps errors (errwrap); before, every layer
// formatted its cause into one message after a colon.
import { GenError, toGenError, wrap } from '../gen-error.js';
import type { Profile } from '../profile.js';

function isPanic(g: GenError): boolean {
  for (let e: GenError | null = g; e; e = e.inner) if (e.panic) return true;
  return false;
}

/** The error as the release reports it: flat releases join the layers into one message. */
export function asReleased(p: Profile, e: unknown): GenError {
  const g = toGenError(e);
  if (p.errorStyle === 'wrapped' || !g.inner) return g;
  return new GenError(g.chain.join(': '), null, isPanic(g), g.innermostSource);
}

/**
 * A layer whose flat wording is not "<outer>: <cause>" (rkt printed a few with their own
 * capitalisation or a trailing newline); wrapped releases use `outer`.
 */
export function layerWorded(p: Profile, outer: string, inner: unknown, flat: (cause: string) => string): GenError {
  if (p.errorStyle === 'wrapped') return wrap(outer, inner);
  const cause = asReleased(p, inner);
  return new GenError(flat(cause.message), null, cause.panic, cause.innermostSource);
}
