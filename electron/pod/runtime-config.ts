// Reading a RuntimePod (runtime-config) file: rkt's field names, matched case-insensitively
// like Go's decoder; a wrong type is an error naming the file and the field.
import { defaultRuntimePod, type RuntimePod } from '../../shared/runtime.js';

export class RuntimeConfigError extends Error {}

type Obj = Record<string, unknown>;

function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

export function parseRuntimeConfig(text: string, file: string): RuntimePod {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new RuntimeConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new RuntimeConfigError(`${file}: expected a JSON object of runtime parameters`);
  }
  const r = defaultRuntimePod();
  const o = doc as Obj;
  const str = (name: keyof RuntimePod) => {
    const v = field(o, name);
    if (v === undefined || v === null) return;
    if (typeof v !== 'string') throw new RuntimeConfigError(`${file}: field ${name} must be a string`);
    (r as unknown as Obj)[name] = v;
  };
  const bool = (target: Obj, from: Obj, name: string, label: string) => {
    const v = field(from, name);
    if (v === undefined || v === null) return;
    if (typeof v !== 'boolean') throw new RuntimeConfigError(`${file}: field ${label} must be true or false`);
    target[name] = v;
  };
  for (const k of ['MetadataServiceURL', 'PrivateUsers', 'MDSToken', 'Hostname', 'ResolvConfMode', 'EtcHostsMode', 'IPCMode'] as const) str(k);
  for (const k of ['Debug', 'Mutable', 'Interactive']) bool(r as unknown as Obj, o, k, k);
  const io = field(o, 'InsecureOptions');
  if (io !== undefined && io !== null) {
    if (typeof io !== 'object' || Array.isArray(io)) throw new RuntimeConfigError(`${file}: field InsecureOptions must be an object`);
    for (const k of ['DisablePaths', 'DisableCapabilities', 'DisableSeccomp']) {
      bool(r.InsecureOptions as unknown as Obj, io as Obj, k, `InsecureOptions.${k}`);
    }
  }
  return r;
}
