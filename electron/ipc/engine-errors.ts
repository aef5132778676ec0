// Errors of the pod and generator modules, translated into the contract's error codes.
import { IpcError } from '../../shared/ipc/envelope.js';
import { ApplyError } from '../pod/apply.js';
import { PodRootError } from '../pod/read.js';
import { RuntimeConfigError } from '../pod/runtime-config.js';
import { UnsafePathError } from '../pod/write.js';

export function translateEngineError(err: unknown): unknown {
  if (err instanceof IpcError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof PodRootError) {
    if (/no such directory/.test(message)) return new IpcError('not-found', `${message} (deleted or moved?)`);
    if (/permission denied/.test(message)) return new IpcError('io', message);
    return new IpcError('not-a-pod', message);
  }
  if (err instanceof UnsafePathError) return new IpcError('outside-root', message);
  if (err instanceof ApplyError) return new IpcError(err.conflicts.length > 0 ? 'conflict' : 'bad-request', message);
  if (err instanceof RuntimeConfigError) return new IpcError('bad-request', message);
  return err;
}

/** Wraps a function so that whatever it throws (or rejects with) is translated. */
export function translated<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) return result.catch((err: unknown) => { throw translateEngineError(err); }) as R;
      return result;
    } catch (err) {
      throw translateEngineError(err);
    }
  };
}
