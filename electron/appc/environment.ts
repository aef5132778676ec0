// appc Environment: a list of { "name", "value" } with names that are shell-like identifiers,
// unique (case-sensitive).

import { fail } from './failure.js';
import { decodeString, field, fieldNode, StructType } from './godecode.js';
import { goQuote } from './gotext.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeFreshList, newNameValue, type GoNameValue } from './namevalue.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z_0-9.-]*$/;

const ENVIRONMENT_VARIABLE = new StructType<GoNameValue>('types.EnvironmentVariable', [
  field('name', (t, doc, node, scope) => {
    t.name = decodeString(t.name, doc, node, scope);
  }),
  field('value', (t, doc, node, scope) => {
    t.value = decodeString(t.value, doc, node, scope);
  }),
]);

/** Environment.assertValid */
export function checkEnvironment(doc: JsonDoc, env: readonly GoNameValue[]): void {
  const seen = new Set<string>();
  for (const v of env) {
    if (v.name.length === 0) fail('environment variable name must not be empty', fieldNode(doc, v, 'name'));
    if (!ENV_NAME.test(v.name)) {
      fail(`environment variable does not have valid identifier ${goQuote(v.name)}`, fieldNode(doc, v, 'name'));
    }
    if (seen.has(v.name)) fail(`duplicate environment variable of name ${goQuote(v.name)}`, fieldNode(doc, v, 'name'));
    seen.add(v.name);
  }
}

/** Environment.UnmarshalJSON */
export function decodeEnvironment(doc: JsonDoc, node: number): GoNameValue[] | null {
  const env = decodeFreshList(doc, node, 'types.environment', newNameValue, ENVIRONMENT_VARIABLE);
  checkEnvironment(doc, env ?? []);
  return env;
}
