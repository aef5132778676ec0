// The pod root given on the desktop app's command line: the first argument that is not a
// switch, after the executable (and, when unpackaged, the script Electron runs).
import { resolve } from 'node:path';

export function podRootFromArgv(argv: string[], isPackaged: boolean, cwd = process.cwd()): string | null {
  const args = argv.slice(isPackaged ? 1 : 2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return args[i + 1] ? resolve(cwd, args[i + 1]) : null;
    if (a.startsWith('-')) continue;
    return resolve(cwd, a);
  }
  return null;
}
