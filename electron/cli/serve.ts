// `podunit serve`: browser mode. Serves the built renderer and the IPC contract from one
// loopback origin with a random token, and prints the URL to open.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { defaultConfigDir } from '../app-state/config-dir.js';
import { appEnv, findAppRoot } from '../ipc/app-env.js';
import { createRealEngine } from '../ipc/real-engine.js';
import { isLoopbackAddress } from '../host/guard.js';
import { startHost, type RunningHost } from '../host/server.js';
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './output.js';

export const SERVE_HELP = `Usage: podunit serve [pod-root] [--port N] [--host ADDR]

Serves podunit's interface to a web browser on this machine: the built renderer and the
same IPC contract as the desktop app, over a WebSocket on the same origin. Prints the URL
to open; it carries a random token that every request must present.

Arguments:
  pod-root      pod root to open first (default: the embedded sample pod)

Options:
  --port N      port to listen on (default: any free port)
  --host ADDR   address to bind (default: 127.0.0.1). An address other than loopback
                lets other machines reach podunit (unencrypted): a warning is printed.
  -h, --help    show this help
`;

export interface ServeOptions {
  podRoot: string | null;
  port: number;
  host: string;
}

export function parseServeArgs(argv: string[]): ServeOptions | 'help' {
  const args = parseArgs(argv, { values: ['port', 'host'], flags: ['help'] });
  if (args.flags.has('help')) return 'help';
  if (args.positionals.length > 1) throw new UsageError(`expected at most one pod root, got ${args.positionals.length} arguments`);
  const portText = args.values.get('port') ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port needs a number from 0 to 65535, got ${JSON.stringify(portText)}`);
  const host = args.values.get('host') ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address');
  return { podRoot: args.positionals[0] ?? null, port: Number(portText), host };
}

export function nonLoopbackWarning(host: string): string {
  return `WARNING: --host ${host} is not a loopback address. Anyone who can reach this machine and learns `
    + `the URL (with its token) can read pod roots and write units as user ${userInfo().username}, over unencrypted HTTP.\n`;
}

/** Starts browser mode; resolves once listening. The caller owns the returned host. */
export async function startServe(options: ServeOptions, io: CliIO, appRoot = findAppRoot()): Promise<RunningHost> {
  if (options.podRoot !== null) {
    const abs = resolve(options.podRoot);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`pod root ${abs}: no such directory`);
  }
  const distDir = join(appRoot, 'dist', 'renderer');
  if (!existsSync(join(distDir, 'index.html'))) {
    io.err('podunit serve: the renderer is not built (no dist/renderer/index.html); run `npm run build` first.\n');
  }
  if (!isLoopbackAddress(options.host)) io.err(nonLoopbackWarning(options.host));
  const host = await startHost({
    distDir,
    port: options.port,
    host: options.host,
    env: appEnv({ appRoot, configDir: defaultConfigDir(), initialPod: options.podRoot, engine: createRealEngine() }),
  });
  const what = options.podRoot !== null ? resolve(options.podRoot) : 'the sample pods';
  io.out(`podunit is serving ${what} at\n\n  ${host.url}\n\nOpen that URL in a browser on this machine. Press Ctrl+C to stop.\n`);
  return host;
}

export async function serveCommand(argv: string[], io: CliIO = processIO): Promise<number> {
  let options: ServeOptions | 'help';
  try {
    options = parseServeArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`podunit serve: ${err.message}\n\n${SERVE_HELP}`);
      return 2;
    }
    throw err;
  }
  if (options === 'help') {
    io.out(SERVE_HELP);
    return 0;
  }
  let host: RunningHost;
  try {
    host = await startServe(options, io);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof UsageError) io.err(`podunit serve: ${err.message}\n`);
    else if (code === 'EADDRINUSE') io.err(`podunit serve: port ${options.port} is already in use; pick another with --port, or omit it.\n`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') io.err(`podunit serve: cannot bind ${options.host}: no such local address.\n`);
    else if (code === 'EACCES') io.err(`podunit serve: not allowed to listen on port ${options.port}.\n`);
    else throw err;
    return 1;
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await host.close();
  return 0;
}
