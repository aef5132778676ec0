// podunit status <pod-root|uuid> [--data-dir D] [--json]: what rkt status says, and more.
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './output.js';
import { DEFAULT_DATA_DIR, resolvePod } from '../diagnostics/discovery.js';
import { podStatus } from '../diagnostics/status.js';
import { statusText } from '../diagnostics/text-report.js';

export const STATUS_HELP = `Usage: podunit status <pod-root|uuid> [--data-dir DIR] [--json]

Shows a pod's state and lock, created and started times, pid/ppid, whether stage1's
supervisor reported ready, the runtime options (runtime-config), and per app the exit
status the reaper stored in rkt/status/<app>, decoded with systemd's exit-status and signal
meanings. Exited overlay pods are read through overlay/<stage1TreeStoreID>/upper.
The pod is a pod root directory, or a UUID (prefix) looked up in DIR/pods (default ${DEFAULT_DATA_DIR}).
Exit status: 0 shown, 1 the pod cannot be found or read, 2 bad usage.
`;

export async function statusCommand(argv: string[], io: CliIO = processIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['data-dir'], flags: ['json', 'help'] });
    if (args.flags.has('help')) {
      io.out(STATUS_HELP);
      return 0;
    }
    if (args.positionals.length !== 1) throw new UsageError('status needs exactly one <pod-root|uuid>');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`podunit status: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const dataDir = args.values.get('data-dir') ?? DEFAULT_DATA_DIR;
    const pod = resolvePod(args.positionals[0], dataDir);
    const s = await podStatus(pod.root, { dataDir: pod.dataDir ?? undefined });
    io.out(args.flags.has('json') ? JSON.stringify(s, null, 2) + '\n' : statusText(s));
    return 0;
  } catch (e) {
    io.err(`podunit status: ${(e as Error).message}\n`);
    return 1;
  }
}
