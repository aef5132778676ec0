// rkt's wrapped errors (errwrap): an outer message with the chain of causes beneath it.
import type { Provenance } from '../../shared/plan.js';
import { FsError } from './podfs.js';

export class GenError extends Error {
  constructor(
    message: string,
    readonly inner: GenError | null = null,
    readonly panic = false,
    readonly source?: Provenance,
  ) {
    super(message);
  }

  get chain(): string[] {
    const out: string[] = [];
    for (let e: GenError | null = this; e; e = e.inner) out.push(e.message);
    return out;
  }

  /** The manifest field behind the innermost error that names one. */
  get innermostSource(): Provenance | undefined {
    let found: Provenance | undefined;
    for (let e: GenError | null = this; e; e = e.inner) if (e.source) found = e.source;
    return found;
  }
}

/** errwrap.Wrap(errors.New(outer), inner) */
export function wrap(outer: string, inner: unknown, source?: Provenance): GenError {
  return new GenError(outer, toGenError(inner), false, source);
}

/** errwrap.Wrapf(format, inner): every "{{err}}" in the format is replaced by the inner error's message. */
export function wrapf(format: string, inner: unknown): GenError {
  const cause = toGenError(inner);
  return new GenError(format.replaceAll('{{err}}', cause.message), cause);
}

export function fail(message: string, source?: Provenance): GenError {
  return new GenError(message, null, false, source);
}

/** A place where rkt panics: reported as an error instead. */
export function panicError(message: string, source?: Provenance): GenError {
  return new GenError(message, null, true, source);
}

export function toGenError(e: unknown): GenError {
  if (e instanceof GenError) return e;
  if (e instanceof FsError) return new GenError(e.message);
  if (e instanceof Error) return new GenError(e.message);
  return new GenError(String(e));
}

/** Adds a source to an error that has none (keeps its chain). */
export function withSource(e: GenError, source: Provenance | undefined): GenError {
  if (!source || e.innermostSource) return e;
  return new GenError(e.message, e.inner, e.panic, source);
}
