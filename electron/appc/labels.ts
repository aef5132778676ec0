// appc Labels: name/value pairs with unique names, no label called "name", and os/arch pairs
// from appc's list.

import { fail } from './failure.js';
import { fieldNode } from './godecode.js';
import { goQuote } from './gotext.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeLabelList, type GoNameValue } from './namevalue.js';

/** appc's ValidOSArch. */
export const VALID_OS_ARCH: ReadonlyMap<string, readonly string[]> = new Map([
  ['linux', ['amd64', 'i386', 'aarch64', 'aarch64_be', 'armv6l', 'armv7l', 'armv7b', 'ppc64', 'ppc64le', 's390x']],
  ['freebsd', ['amd64', 'i386', 'arm']],
  ['darwin', ['x86_64', 'i386']],
]);

const SORTED_OSES = [...VALID_OS_ARCH.keys()].sort();

/** Labels.assertValid */
export function checkLabels(doc: JsonDoc, labels: readonly GoNameValue[]): void {
  const seen = new Map<string, GoNameValue>();
  for (const label of labels) {
    if (label.name === 'name') fail('invalid label name: "name"', fieldNode(doc, label, 'name'));
    if (seen.has(label.name)) fail(`duplicate labels of name ${goQuote(label.name)}`, fieldNode(doc, label, 'name'));
    seen.set(label.name, label);
  }
  const os = seen.get('os');
  if (os === undefined) return;
  const archs = VALID_OS_ARCH.get(os.value);
  if (archs === undefined) {
    fail(`bad os ${goQuote(os.value)} (must be one of: [${SORTED_OSES.join(' ')}])`, fieldNode(doc, os, 'value'));
  }
  const arch = seen.get('arch');
  if (arch !== undefined && !archs.includes(arch.value)) {
    fail(`bad arch ${goQuote(arch.value)} for ${os.value} (must be one of: [${archs.join(' ')}])`, fieldNode(doc, arch, 'value'));
  }
}

/** Labels.UnmarshalJSON */
export function decodeLabels(doc: JsonDoc, node: number): GoNameValue[] | null {
  const labels = decodeLabelList(doc, node);
  checkLabels(doc, labels ?? []);
  return labels;
}
