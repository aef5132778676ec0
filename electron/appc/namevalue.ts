// The { "name", "value" } elements of Labels and Annotations (name is an ACIdentifier; Go has
// one struct type for each), and the list decoding their UnmarshalJSON does: a fresh slice in
// its own json.Unmarshal.

import { Scope } from './failure.js';
import {
  decodeSlice, decodeString, decodeStruct, field, relocate, srcOf, StructType, type Located, type Output,
} from './godecode.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeACIdentifier } from './names.js';
import type { NameValue } from './types.js';

export interface GoNameValue extends Located {
  name: string;
  value: string;
}

export function newNameValue(node: number): GoNameValue {
  return { node: node, earlier: null, keys: {}, name: '', value: '' };
}

/**
 * Decodes a list of structs that have no UnmarshalJSON of their own, in a fresh scope, as the
 * list type's UnmarshalJSON does with its shadow slice type `goType` (e.g. `types.labelsSlice`).
 */
export function decodeFreshList<T extends Located>(
  doc: JsonDoc, node: number, goType: string, make: (node: number) => T, type: StructType<T>,
): T[] | null {
  const scope = new Scope();
  const slice = decodeSlice<T>(null, doc, node, scope, (current, d, element, s) => {
    const value = current ?? make(element);
    relocate(value, element);
    decodeStruct(value, d, element, s, type);
    return value;
  }, goType);
  scope.settle();
  return slice === null ? null : slice.items();
}

/** The element struct of Labels (`types.Label`) or Annotations (`types.Annotation`). */
function identifiedNameValue(goType: string): StructType<GoNameValue> {
  return new StructType<GoNameValue>(goType, [
    field('name', (t, doc, node) => {
      t.name = decodeACIdentifier(doc, node);
    }),
    field('value', (t, doc, node, scope) => {
      t.value = decodeString(t.value, doc, node, scope);
    }),
  ]);
}

const LABEL = identifiedNameValue('types.Label');
const ANNOTATION = identifiedNameValue('types.Annotation');

/** Elements of Labels (Go decodes them as `types.labelsSlice`), before the list's own checks. */
export function decodeLabelList(doc: JsonDoc, node: number): GoNameValue[] | null {
  return decodeFreshList(doc, node, 'types.labelsSlice', newNameValue, LABEL);
}

/** Elements of Annotations (Go decodes them as `types.annotations`), before the list's own checks. */
export function decodeAnnotationList(doc: JsonDoc, node: number): GoNameValue[] | null {
  return decodeFreshList(doc, node, 'types.annotations', newNameValue, ANNOTATION);
}

export function toNameValues(list: GoNameValue[] | null, out: Output): NameValue[] {
  if (list === null) return [];
  return list.map((v) => ({ name: v.name, value: v.value, src: srcOf(out, v) }));
}
