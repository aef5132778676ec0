// The parts of appc v0.6.1's manifest validation (vendored by rkt v0.7.0) that today's spec no
// longer has, and the old spelling of the messages both have. Checked after decoding.
import type { App } from '../../appc/types.js';
import { isAbs } from '../gopath.js';

export interface SpecFailure {
  error: string;
  pointer: string | null;
}

const OLD_TEXT: Record<string, string> = {
  'user is required': 'User is required',
  'group is required': 'Group is required',
  'workingDirectory must be an absolute path': 'WorkingDirectory must be an absolute path',
};

/** A current decoding error as appc v0.6.1 words it. */
export function appcV061Text(error: string): string {
  return OLD_TEXT[error] ?? error;
}

/** appc v0.6.1's Exec type: never empty, and the binary an absolute path. */
function execFailure(exec: string[] | null): string | null {
  if (!exec || exec.length === 0) return 'Exec cannot be empty';
  return isAbs(exec[0]) ? null : 'Exec[0] must be absolute path';
}

/** The first app (in document order) that appc v0.6.1 rejects. */
export function appcV061Failure(apps: (App | null)[]): SpecFailure | null {
  for (const app of apps) {
    if (!app) continue;
    const at = (key: string) => `${app.src.ptr}/${app.src.keys[key] ?? key}`;
    const exec = execFailure(app.exec);
    if (exec) return { error: exec, pointer: at('exec') };
    for (const h of app.eventHandlers) {
      if (h.src.keys.exec === undefined) continue;
      const e = execFailure(h.exec);
      if (e) return { error: e, pointer: `${h.src.ptr}/${h.src.keys.exec}` };
    }
  }
  return null;
}
