// podunit list [--data-dir D] [--full] [--json]: every pod in an rkt data directory, by state.
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './output.js';
import { DEFAULT_DATA_DIR, listPods } from '../diagnostics/discovery.js';
import { listingText } from '../diagnostics/text-report.js';

export const LIST_HELP = `Usage: podunit list [--data-dir DIR] [--full] [--json]

Lists the pods of an rkt data directory (default ${DEFAULT_DATA_DIR}) in every state
(embryo, prepare, prepared, run, exited-garbage, garbage) with their apps, images, the
state rkt would print (from the directory lock), and created and started times.
  --full   print whole UUIDs
  --json   print {"dataDir","pods":[…],"warnings":[…]}
Exit status: 0 listed, 1 the data directory cannot be read, 2 bad usage.
`;

export async function listCommand(argv: string[], io: CliIO = processIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['data-dir'], flags: ['json', 'full', 'help'] });
    if (args.flags.has('help')) {
      io.out(LIST_HELP);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`podunit list: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const dataDir = args.values.get('data-dir') ?? DEFAULT_DATA_DIR;
  try {
    const listing = await listPods(dataDir);
    io.out(args.flags.has('json') ? JSON.stringify(listing, null, 2) + '\n' : listingText(listing, args.flags.has('full')));
    return 0;
  } catch (e) {
    io.err(`podunit list: ${(e as Error).message}\n`);
    return 1;
  }
}
