// JSON pointers (RFC 6901) against manifest text: pointer → text range for markers and
// "reveal source", and text offset → pointer for the reverse provenance lookup.
// Object keys are matched the way Go's decoder folds them: an exact key first (the last
// one wins, as in Go), else a case-insensitive match.
import { getLocation, parseTree, type Node } from 'jsonc-parser';

export interface TextRange { offset: number; length: number }

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(path: (string | number)[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function childProperty(object: Node, key: string): Node | undefined {
  const props = object.children ?? [];
  let exact: Node | undefined;
  let folded: Node | undefined;
  const lower = key.toLowerCase();
  for (const prop of props) {
    const name = prop.children?.[0]?.value;
    if (typeof name !== 'string') continue;
    if (name === key) exact = prop;
    else if (!folded && name.toLowerCase() === lower) folded = prop;
  }
  return exact ?? folded;
}

export interface PointerHit {
  /** The deepest node reached (a property node when the last step was an object key). */
  node: Node;
  /** How many pointer segments were resolved. */
  depth: number;
  /** True when the whole pointer resolved. */
  exact: boolean;
}

/** Walks as far along the pointer as the document allows. */
export function resolvePointer(root: Node | undefined, pointer: string): PointerHit | undefined {
  if (!root) return undefined;
  const parts = parsePointer(pointer);
  let value: Node = root;
  let hitNode: Node = root;
  let depth = 0;
  for (const part of parts) {
    let next: Node | undefined;
    let prop: Node | undefined;
    if (value.type === 'object') {
      prop = childProperty(value, part);
      next = prop?.children?.[1];
    } else if (value.type === 'array' && /^(0|[1-9]\d*)$/.test(part)) {
      next = value.children?.[Number(part)];
    }
    if (!next) break;
    value = next;
    hitNode = prop ?? next;
    depth++;
  }
  return { node: hitNode, depth, exact: depth === parts.length };
}

/** Range of the field a pointer names: key and value for object members, the element for array items. */
export function pointerRange(root: Node | undefined, pointer: string): (TextRange & { exact: boolean }) | undefined {
  const hit = resolvePointer(root, pointer);
  if (!hit) return undefined;
  return { offset: hit.node.offset, length: hit.node.length, exact: hit.exact };
}

/**
 * Pointer of the innermost value at a text offset (a key counts as its property's value).
 * Scans the text only up to the offset, without building a tree: cheap enough for every
 * cursor move in a megabyte manifest. '' is the whole document.
 */
export function pointerAtOffset(text: string, offset: number): string {
  const path = [...getLocation(text, offset).path];
  // Between the members of an object getLocation names an empty key that is not there.
  if (path.length > 0 && path[path.length - 1] === '') path.pop();
  return formatPointer(path);
}

/** Parses once per text; the tree is reused while the text is unchanged. */
export function createTreeCache(): (text: string) => Node | undefined {
  let lastText: string | undefined;
  let lastTree: Node | undefined;
  return (text: string) => {
    if (text !== lastText) {
      lastText = text;
      lastTree = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
    }
    return lastTree;
  };
}

/** True when `inner` equals `outer` or lies below it. */
export function pointerWithin(inner: string, outer: string): boolean {
  return inner === outer || outer === '' || inner.startsWith(outer + '/');
}
