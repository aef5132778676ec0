// appc Volume: a pod volume or a mount's inline appVolume. Defaults for "empty" volumes are
// filled in before the checks run.

import { fail, Scope } from './failure.js';
import {
  decodeBool, decodeInteger, decodeString, decodeStruct, field, fieldNode, srcOf, StructType,
  type Located, type Output,
} from './godecode.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeACName } from './names.js';
import type { Volume } from './types.js';

export interface GoVolume extends Located {
  name: string;
  kind: string;
  source: string;
  readOnly: boolean | null;
  recursive: boolean | null;
  mode: string | null;
  uid: bigint | null;
  gid: bigint | null;
}

// readOnly, recursive, mode, uid and gid are Go pointers: null unsets them.
const VOLUME = new StructType<GoVolume>('types.volume', [
  field('name', (t, doc, node) => {
    t.name = decodeACName(doc, node);
  }),
  field('kind', (t, doc, node, scope) => {
    t.kind = decodeString(t.kind, doc, node, scope);
  }),
  field('source', (t, doc, node, scope) => {
    t.source = decodeString(t.source, doc, node, scope);
  }),
  field('readOnly', (t, doc, node, scope) => {
    t.readOnly = doc.isNull(node) ? null : decodeBool(t.readOnly ?? false, doc, node, scope);
  }),
  field('recursive', (t, doc, node, scope) => {
    t.recursive = doc.isNull(node) ? null : decodeBool(t.recursive ?? false, doc, node, scope);
  }),
  field('mode', (t, doc, node, scope) => {
    t.mode = doc.isNull(node) ? null : decodeString(t.mode ?? '', doc, node, scope);
  }),
  field('uid', (t, doc, node, scope) => {
    t.uid = doc.isNull(node) ? null : decodeInteger(t.uid ?? 0n, doc, node, scope, false);
  }),
  field('gid', (t, doc, node, scope) => {
    t.gid = doc.isNull(node) ? null : decodeInteger(t.gid ?? 0n, doc, node, scope, false);
  }),
]);

export const EMPTY_VOLUME_DEFAULT_MODE = '0755';

/** Volume.assertValid */
function checkVolume(doc: JsonDoc, v: GoVolume): void {
  if (v.name === '') fail('name must be set', v.node);
  switch (v.kind) {
    case 'empty':
      if (v.source !== '') fail('source for empty volume must be empty', fieldNode(doc, v, 'source'));
      if (v.mode === null) fail('mode for empty volume must be set', v.node);
      if (v.uid === null) fail('uid for empty volume must be set', v.node);
      if (v.gid === null) fail('gid for empty volume must be set', v.node);
      return;
    case 'host':
      if (v.source === '') fail('source for host volume cannot be empty', fieldNode(doc, v, 'source'));
      if (v.mode !== null) fail('mode for host volume cannot be set', fieldNode(doc, v, 'mode'));
      if (v.uid !== null) fail('uid for host volume cannot be set', fieldNode(doc, v, 'uid'));
      if (v.gid !== null) fail('gid for host volume cannot be set', fieldNode(doc, v, 'gid'));
      if (!v.source.startsWith('/')) fail('source for host volume must be absolute path', fieldNode(doc, v, 'source'));
      return;
    default:
      fail('unrecognized volume kind: should be one of "empty", "host"', fieldNode(doc, v, 'kind'));
  }
}

/** Volume.UnmarshalJSON */
export function decodeVolume(doc: JsonDoc, node: number): GoVolume {
  const scope = new Scope();
  const v: GoVolume = {
    node: node, earlier: null, keys: {}, name: '', kind: '', source: '', readOnly: null, recursive: null, mode: null, uid: null, gid: null,
  };
  decodeStruct(v, doc, node, scope, VOLUME);
  scope.settle();
  if (v.kind === 'empty') {
    v.mode ??= EMPTY_VOLUME_DEFAULT_MODE;
    v.uid ??= 0n;
    v.gid ??= 0n;
  }
  checkVolume(doc, v);
  return v;
}

export function volumeElement(_current: GoVolume | undefined, doc: JsonDoc, node: number): GoVolume {
  return decodeVolume(doc, node);
}

export function toVolume(v: GoVolume, out: Output): Volume {
  return {
    name: v.name,
    kind: v.kind,
    source: v.source,
    readOnly: v.readOnly,
    recursive: v.recursive,
    mode: v.mode,
    uid: v.uid === null ? null : Number(v.uid),
    gid: v.gid === null ? null : Number(v.gid),
    src: srcOf(out, v),
  };
}
