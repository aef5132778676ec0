// stage1's runtime-config file: the runtime options the pod ran with.
import fs from 'node:fs';
import path from 'node:path';
import { defaultRuntimePod, type RuntimePod } from '../../shared/runtime.js';

export interface RuntimeConfigRead {
  /** Parsed values over rkt's defaults; null when the file is absent or unreadable. */
  config: RuntimePod | null;
  path: string;
  error: string | null;
  /** When Debug is off: what was lost and how to get it back. */
  debugNote: string | null;
}

export const DEBUG_OFF_NOTE =
  "Debug was off: stage1 started the pod's systemd with its log target set to null, so systemd's own messages " +
  '(for example "Failed at step EXEC spawning …" or "Main process exited, code=killed, status=31/SYS") ' +
  "were not recorded; only the apps' own output reached the journal. Run the pod again with " +
  '`rkt --debug run …` (or `rkt --debug run-prepared <uuid>`) to record them.';

export function readRuntimeConfig(podRoot: string): RuntimeConfigRead {
  const p = path.join(podRoot, 'runtime-config');
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { config: null, path: p, error: code === 'ENOENT' ? null : `cannot read ${p}: ${code}`, debugNote: null };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { config: null, path: p, error: `${p}: not JSON: ${(e as Error).message}`, debugNote: null };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { config: null, path: p, error: `${p}: not a JSON object`, debugNote: null };
  }
  const base = defaultRuntimePod();
  const d = doc as Partial<RuntimePod>;
  const config: RuntimePod = {
    ...base,
    ...d,
    InsecureOptions: { ...base.InsecureOptions, ...(d.InsecureOptions ?? {}) },
    NetList: {},
  };
  return { config, path: p, error: null, debugNote: config.Debug ? null : DEBUG_OFF_NOTE };
}
