// rkt's own /etc/passwd and /etc/group parsers (pkg/passwd, pkg/group): every non-empty line
// must parse, comments included, and a later entry of the same name wins.
import { atoi } from './goparse.js';
import { GenError, fail, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { FsError } from './podfs.js';
import type { PlanFs } from './plan-fs.js';

const MAX_LINE = 64 * 1024;

/** bufio.Scanner lines: '\n'-separated, one trailing '\r' dropped, scanning stops at an over-long line. */
function scanLines(text: string): string[] {
  const out: string[] = [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  for (const raw of parts) {
    // The scanner's buffer limit counts a line's '\r' too: ScanLines drops it only afterwards.
    if (Buffer.byteLength(raw) >= MAX_LINE) break;
    out.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
  }
  return out;
}

type Ids = Map<string, bigint>;

function parseFile(fs: PlanFs, path: string, minFields: number, idField: number, idName: string): Ids {
  const ids: Ids = new Map();
  let text: string;
  try {
    text = fs.readText(path);
  } catch (e) {
    // Go opens a directory fine, and the scanner's read error (EISDIR) is never checked: no entries.
    if (e instanceof FsError && e.code === 'EISDIR') return ids;
    throw e;
  }
  for (const line of scanLines(text)) {
    if (line === '') continue;
    const fields = line.split(':');
    try {
      if (fields.length < minFields) throw fail(`expected at least ${minFields} fields, got ${fields.length}`);
      const id = atoi(fields[idField]);
      if (!id.ok) throw wrap(`unable to parse ${idName}`, new GenError(id.text));
      if (minFields === 7) {
        const gid = atoi(fields[3]);
        if (!gid.ok) throw wrap('unable to parse gid', new GenError(gid.text));
      }
      ids.set(fields[0], id.value);
    } catch (e) {
      throw wrap('error parsing line', e);
    }
  }
  return ids;
}

function lookup(fs: PlanFs, file: string, shownFile: string, name: string, what: 'user' | 'group'): bigint {
  let ids: Ids;
  try {
    ids = what === 'user' ? parseFile(fs, file, 7, 2, 'uid') : parseFile(fs, file, 4, 2, 'gid');
  } catch (e) {
    throw wrap(`error parsing ${goQuote(shownFile)} file`, e);
  }
  const id = ids.get(name);
  if (id === undefined) throw fail(`${goQuote(name)} ${what} not found`);
  return id;
}

export function lookupUidFromFile(fs: PlanFs, file: string, shownFile: string, name: string): bigint {
  return lookup(fs, file, shownFile, name, 'user');
}

export function lookupGidFromFile(fs: PlanFs, file: string, shownFile: string, name: string): bigint {
  return lookup(fs, file, shownFile, name, 'group');
}
