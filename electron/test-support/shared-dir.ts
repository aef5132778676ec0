// Locates the shared conformance material beside the checkout (../shared), or $PODUNIT_SHARED.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string | null {
  const dir = process.env.PODUNIT_SHARED ?? path.resolve(REPO_ROOT, '../shared');
  return fs.existsSync(path.join(dir, 'conformance')) ? dir : null;
}

export const SHARED_MISSING = 'the shared conformance corpus is missing: expected ../shared beside the checkout (or set PODUNIT_SHARED)';
