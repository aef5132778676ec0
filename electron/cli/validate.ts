// podunit validate --kind pod|image [--json] <file>: Go's verdict on one manifest.
import fs from 'node:fs';
import { decodeImageManifest, decodePodManifest } from '../appc/decode.js';
import { utf8Text } from '../generator/utf8-text.js';
import { MAX_MANIFEST_BYTES } from '../generator/load.js';
import { parseArgs, UsageError } from './args.js';
import type { CliIO } from './output.js';

export const VALIDATE_HELP = `Usage: podunit validate --kind pod|image [--json] <file>

Decodes an appc manifest exactly as rkt v1.30.0 (appc v0.8.11) does and prints the verdict
with Go's error text. --json prints {"ok": bool, "error": string|null}.
Exit status: 0 valid, 1 invalid, 2 bad usage or unreadable file.
`;

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['kind'], flags: ['json', 'help'] });
  if (args.flags.has('help')) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  const kind = args.values.get('kind');
  if (kind !== 'pod' && kind !== 'image') throw new UsageError('validate needs --kind pod or --kind image');
  if (args.positionals.length !== 1) throw new UsageError('validate needs exactly one <file>');
  const file = args.positionals[0];
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new UsageError(`${file}: is a directory, not a manifest file`);
    if (!st.isFile()) throw new UsageError(`${file}: not a regular file (a pipe, socket or device)`);
    if (st.size > MAX_MANIFEST_BYTES) throw new UsageError(`${file}: manifest is larger than 16 MiB`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const text = utf8Text(bytes);
  const r = kind === 'pod' ? decodePodManifest(text) : decodeImageManifest(text);
  const error = r.ok ? null : r.error;
  if (args.flags.has('json')) io.out(JSON.stringify({ ok: r.ok, error }) + '\n');
  else if (r.ok) io.out(`${file}: valid ${kind} manifest\n`);
  else io.out(`${file}: invalid ${kind} manifest: ${error}${!r.ok && r.pointer ? ` (at ${r.pointer})` : ''}\n`);
  return r.ok ? 0 : 1;
}
