// Isolators: { "name": ACIdentifier, "value": <any JSON> }. The value of each of the 14 types
// appc v0.8.11 registers is decoded and checked by that type; other names keep the raw value.
// An app's list has further rules (checkAppIsolators); the pod-level list does not.

import { fail, raise, Scope, typeError } from './failure.js';
import {
  decodeBool, decodeSlice, decodeString, decodeStringMap, decodeStruct, field, fieldNode, mapToRecord,
  namedStringElement, parseGoInteger, srcOf, StructType, type GoSlice, type Located, type Output,
} from './godecode.js';
import { goQuote } from './gotext.js';
import { K_FALSE, K_NULL, K_NUMBER, K_TRUE, toPlainValue, type JsonDoc } from './jsondoc.js';
import { decodeACIdentifier } from './names.js';
import { decodeQuantity } from './quantity.js';
import type { Isolator, IsolatorValue, Quantity } from './types.js';
import { goIsNumber, goIsUpper } from './go-unicode.js';

/** A decoded isolator; `value` is null when the name is not a registered type. */
export interface GoIsolator extends Located {
  name: string;
  /** The `value` node as written (a *json.RawMessage), -1 when absent or null. */
  raw: number;
  value: IsolatorValue | null;
}

interface IsolatorType {
  multipleAllowed: boolean;
  conflicts: readonly string[];
  /** The type's UnmarshalJSON followed by its AssertValid. */
  decode(doc: JsonDoc, node: number): IsolatorValue;
}

// --- resource/*

interface GoResource extends Located {
  default: boolean;
  request: Quantity | null;
  limit: Quantity | null;
}

const RESOURCE_VALUE = new StructType<GoResource>('types.resourceValue', [
  field('default', (t, doc, node, scope) => {
    t.default = decodeBool(t.default, doc, node, scope);
  }),
  field('request', (t, doc, node) => {
    t.request = doc.isNull(node) ? null : decodeQuantity(doc, node);
  }),
  field('limit', (t, doc, node) => {
    t.limit = doc.isNull(node) ? null : decodeQuantity(doc, node);
  }),
]);

function decodeResourceValue(doc: JsonDoc, node: number): GoResource {
  const scope = new Scope();
  const value: GoResource = { node: node, earlier: null, keys: {}, default: false, request: null, limit: null };
  decodeStruct(value, doc, node, scope, RESOURCE_VALUE);
  scope.settle();
  return value;
}

function requestLimitType(name: 'resource/cpu' | 'resource/memory'): IsolatorType {
  return {
    multipleAllowed: true,
    conflicts: [],
    decode(doc, node) {
      const v = decodeResourceValue(doc, node);
      if (v.default) fail('default must be false', fieldNode(doc, v, 'default'));
      return { type: name, value: { default: v.default, request: v.request, limit: v.limit } };
    },
  };
}

function limitOnlyType(
  name: 'resource/block-bandwidth' | 'resource/block-iops' | 'resource/network-bandwidth',
): IsolatorType {
  return {
    multipleAllowed: true,
    conflicts: [],
    decode(doc, node) {
      const v = decodeResourceValue(doc, node);
      if (!v.default) fail('default must be true', fieldNode(doc, v, 'default'));
      if (v.request !== null) fail('request not supported by this resource, must be empty', fieldNode(doc, v, 'request'));
      return { type: name, value: { default: v.default, limit: v.limit } };
    },
  };
}

// --- os/linux/capabilities-*-set and os/linux/seccomp-*-set

interface GoSetValue extends Located {
  set: GoSlice<string> | null;
  errno: string;
}

const capabilityElement = namedStringElement('types.LinuxCapability');
const seccompEntryElement = namedStringElement('types.LinuxSeccompEntry');

const SET_VALUE = new StructType<GoSetValue>('types.linuxCapabilitiesSetValue', [
  field('set', (t, doc, node, scope) => {
    t.set = decodeSlice(t.set, doc, node, scope, capabilityElement, '[]types.LinuxCapability');
  }),
]);

const SECCOMP_VALUE = new StructType<GoSetValue>('types.linuxSeccompValue', [
  field('set', (t, doc, node, scope) => {
    t.set = decodeSlice(t.set, doc, node, scope, seccompEntryElement, '[]types.LinuxSeccompEntry');
  }),
  field('errno', (t, doc, node, scope) => {
    t.errno = decodeString(t.errno, doc, node, scope, 'types.LinuxSeccompErrno');
  }),
]);

function decodeSetValue(doc: JsonDoc, node: number, type: StructType<GoSetValue>): { value: GoSetValue; set: string[] } {
  const scope = new Scope();
  const value: GoSetValue = { node: node, earlier: null, keys: {}, set: null, errno: '' };
  decodeStruct(value, doc, node, scope, type);
  scope.settle();
  const set = value.set === null ? [] : value.set.items();
  if (set.length === 0) fail('set must be non-empty', fieldNode(doc, value, 'set'));
  return { value, set };
}

function capabilitySetType(name: 'os/linux/capabilities-retain-set' | 'os/linux/capabilities-remove-set'): IsolatorType {
  return {
    multipleAllowed: true,
    conflicts: [],
    decode(doc, node) {
      const { set } = decodeSetValue(doc, node, SET_VALUE);
      return { type: name, value: { set } };
    },
  };
}

/** linuxSeccompBase.AssertValid's errno rule; null when accepted. */
export function seccompErrnoError(errno: string): string | null {
  let first = true;
  for (const ch of errno) {
    if (first && ch !== 'E') return `errno must start with an 'E' character, got ${errno}`;
    const cp = ch.codePointAt(0)!;
    if (!goIsUpper(cp) && !goIsNumber(cp)) return `errno can only contain upper case or numeric characters, got ${errno}`;
    first = false;
  }
  return null;
}

function seccompSetType(
  name: 'os/linux/seccomp-remove-set' | 'os/linux/seccomp-retain-set',
  conflict: string,
): IsolatorType {
  return {
    multipleAllowed: false,
    conflicts: [conflict],
    decode(doc, node) {
      const { value, set } = decodeSetValue(doc, node, SECCOMP_VALUE);
      const error = seccompErrnoError(value.errno);
      if (error !== null) fail(error, fieldNode(doc, value, 'errno'));
      return { type: name, value: { set, errno: value.errno } };
    },
  };
}

// --- scalar values

/** `var v int; json.Unmarshal(b, &v)`: null is 0, other kinds fail at once. */
function decodeGoInt(doc: JsonDoc, node: number): bigint {
  if (doc.isNull(node)) return 0n;
  const v = doc.kind[node] === K_NUMBER ? parseGoInteger(doc.source(node), false) : null;
  if (v === null) raise(typeError(doc, node, 'int', true));
  return v;
}

function boundedIntType(name: 'os/linux/oom-score-adj' | 'os/linux/cpu-shares', min: number, max: number): IsolatorType {
  return {
    multipleAllowed: false,
    conflicts: [],
    decode(doc, node) {
      const v = decodeGoInt(doc, node);
      if (v < BigInt(min) || v > BigInt(max)) fail(`${name} must be between ${min} and ${max}, got ${v}`, node);
      return { type: name, value: Number(v) };
    },
  };
}

const NO_NEW_PRIVILEGES: IsolatorType = {
  multipleAllowed: true,
  conflicts: [],
  decode(doc, node) {
    const kind = doc.kind[node];
    // `var v bool; json.Unmarshal(b, &v)`
    if (kind !== K_NULL && kind !== K_TRUE && kind !== K_FALSE) raise(typeError(doc, node, 'bool'));
    return { type: 'os/linux/no-new-privileges', value: kind === K_TRUE };
  },
};

// --- os/linux/selinux-context

interface GoSELinux extends Located {
  user: string;
  role: string;
  type: string;
  level: string;
}

/** Each part has its own named string type: LinuxSELinuxUser, …Role, …Type, …Level. */
const SELINUX_VALUE = new StructType<GoSELinux>(
  'types.linuxSELinuxValue',
  (['user', 'role', 'type', 'level'] as const).map((name) => {
    const goType = `types.LinuxSELinux${name[0].toUpperCase()}${name.slice(1)}`;
    return field<GoSELinux>(name, (t, doc, node, scope) => {
      t[name] = decodeString(t[name], doc, node, scope, goType);
    });
  }),
);

const SELINUX_CONTEXT: IsolatorType = {
  multipleAllowed: false,
  conflicts: [],
  decode(doc, node) {
    const scope = new Scope();
    const v: GoSELinux = { node: node, earlier: null, keys: {}, user: '', role: '', type: '', level: '' };
    decodeStruct(v, doc, node, scope, SELINUX_VALUE);
    scope.settle();
    for (const part of ['user', 'role', 'type'] as const) {
      if (v[part] === '' || v[part].includes(':')) fail(`invalid ${part} value ${goQuote(v[part])}`, fieldNode(doc, v, part));
    }
    if (v.level === '') fail(`invalid level value ${goQuote(v.level)}`, fieldNode(doc, v, 'level'));
    return { type: 'os/linux/selinux-context', value: { user: v.user, role: v.role, type: v.type, level: v.level } };
  },
};

// --- os/unix/sysctl

const SYSCTL: IsolatorType = {
  multipleAllowed: false,
  conflicts: [],
  decode(doc, node) {
    const scope = new Scope();
    const map = decodeStringMap(null, doc, node, scope, 'map[string]string');
    scope.settle();
    return { type: 'os/unix/sysctl', value: mapToRecord(map) };
  },
};

/** The isolator types appc v0.8.11 registers. */
export const ISOLATOR_TYPES: ReadonlyMap<string, IsolatorType> = new Map<string, IsolatorType>([
  ['resource/block-bandwidth', limitOnlyType('resource/block-bandwidth')],
  ['resource/block-iops', limitOnlyType('resource/block-iops')],
  ['resource/cpu', requestLimitType('resource/cpu')],
  ['resource/memory', requestLimitType('resource/memory')],
  ['resource/network-bandwidth', limitOnlyType('resource/network-bandwidth')],
  ['os/linux/capabilities-retain-set', capabilitySetType('os/linux/capabilities-retain-set')],
  ['os/linux/capabilities-remove-set', capabilitySetType('os/linux/capabilities-remove-set')],
  ['os/linux/no-new-privileges', NO_NEW_PRIVILEGES],
  ['os/linux/seccomp-remove-set', seccompSetType('os/linux/seccomp-remove-set', 'os/linux/seccomp-retain-set')],
  ['os/linux/seccomp-retain-set', seccompSetType('os/linux/seccomp-retain-set', 'os/linux/seccomp-remove-set')],
  ['os/linux/oom-score-adj', boundedIntType('os/linux/oom-score-adj', -1000, 1000)],
  ['os/linux/cpu-shares', boundedIntType('os/linux/cpu-shares', 2, 262144)],
  ['os/linux/selinux-context', SELINUX_CONTEXT],
  ['os/unix/sysctl', SYSCTL],
]);

const ISOLATOR = new StructType<GoIsolator>('types.isolator', [
  field('name', (t, doc, node) => {
    t.name = decodeACIdentifier(doc, node);
  }),
  field('value', (t, doc, node) => {
    // A *json.RawMessage: null clears it, anything else is kept as written.
    t.raw = doc.isNull(node) ? -1 : node;
  }),
]);

/** Isolator.UnmarshalJSON */
export function decodeIsolator(doc: JsonDoc, node: number): GoIsolator {
  const scope = new Scope();
  const isolator: GoIsolator = { node: node, earlier: null, keys: {}, name: '', raw: -1, value: null };
  decodeStruct(isolator, doc, node, scope, ISOLATOR);
  scope.settle();
  const type = ISOLATOR_TYPES.get(isolator.name);
  if (type !== undefined) {
    // Go dereferences the missing raw value and panics; reported as an error instead.
    if (isolator.raw < 0) fail(`isolator ${isolator.name} has no value`, fieldNode(doc, isolator, 'value'));
    isolator.value = type.decode(doc, isolator.raw);
  }
  return isolator;
}

export function isolatorElement(_current: GoIsolator | undefined, doc: JsonDoc, node: number): GoIsolator {
  return decodeIsolator(doc, node);
}

/** Isolators.assertValid, run for an app's list. */
export function checkAppIsolators(doc: JsonDoc, isolators: readonly GoIsolator[]): void {
  const seen = new Set<string>();
  for (const isolator of isolators) {
    const type = isolator.value === null ? undefined : ISOLATOR_TYPES.get(isolator.name);
    if (type === undefined) fail('invalid isolator', fieldNode(doc, isolator, 'name'));
    if (seen.has(isolator.name) && !type.multipleAllowed) {
      fail(`isolators set contains too many instances of type ${isolator.name}"`, fieldNode(doc, isolator, 'name'));
    }
    for (const conflict of type.conflicts) {
      if (seen.has(conflict)) fail('isolators set contains incompatible types', fieldNode(doc, isolator, 'name'));
    }
    seen.add(isolator.name);
  }
}

export function toIsolators(list: GoSlice<GoIsolator> | null, out: Output): Isolator[] {
  if (list === null) return [];
  return list.items().map((i) => ({
    name: i.name,
    parsed: i.value ?? { type: 'unknown', value: i.raw < 0 ? null : toPlainValue(out.json, i.raw) },
    src: srcOf(out, i),
  }));
}
