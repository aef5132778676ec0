// podunit logs <pod> [--app A] [--follow] …: the pod's journal, through journalctl.
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './output.js';
import { DEFAULT_DATA_DIR, resolvePod } from '../diagnostics/discovery.js';
import { podLayout } from '../diagnostics/overlay.js';
import { followJournal, readJournal, type JournalEntry, type JournalQuery } from '../diagnostics/journal.js';
import { journalLine } from '../diagnostics/text-report.js';
import { readPodManifestLenient } from '../diagnostics/status.js';

export const LOGS_HELP = `Usage: podunit logs <pod-root|uuid> [--app NAME] [--since TIME] [--until TIME]
                   [--priority P] [--lines N] [--follow] [--data-dir DIR] [--json]

Prints the pod's journal (stage1 root var/log/journal/<machine-id>), read with journalctl.
  --app NAME     only the app's own messages and systemd's messages about its unit
  --since/--until TIME   ISO 8601 time, or anything journalctl accepts ("-1h", "today")
  --priority P   0-7, a name (err, warning, …) or a range (emerg..err)
  --lines N      only the last N entries
  --follow       keep printing new entries (running pods) until interrupted
  --json         one JSON object per entry
Exit status: 0 printed, 1 the journal cannot be read (journalctl missing, no journal,
unreadable files), 2 bad usage.
`;

export async function logsCommand(argv: string[], io: CliIO = processIO, signal?: AbortSignal): Promise<number> {
  let args;
  const q: JournalQuery = {};
  try {
    args = parseArgs(argv, { values: ['data-dir', 'app', 'since', 'until', 'priority', 'lines'], flags: ['json', 'follow', 'help'] });
    if (args.flags.has('help')) {
      io.out(LOGS_HELP);
      return 0;
    }
    if (args.positionals.length !== 1) throw new UsageError('logs needs exactly one <pod-root|uuid>');
    q.app = args.values.get('app');
    q.since = args.values.get('since');
    q.until = args.values.get('until');
    q.priority = args.values.get('priority');
    const lines = args.values.get('lines');
    if (lines !== undefined) {
      if (!/^\d+$/.test(lines)) throw new UsageError(`--lines ${JSON.stringify(lines)}: expected a number`);
      q.lines = Number(lines);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`podunit logs: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let layout;
  try {
    const pod = resolvePod(args.positionals[0], args.values.get('data-dir') ?? DEFAULT_DATA_DIR);
    layout = podLayout(pod.root, { dataDir: pod.dataDir ?? undefined });
  } catch (e) {
    io.err(`podunit logs: ${(e as Error).message}\n`);
    return 1;
  }
  if (q.app) {
    const { pod } = readPodManifestLenient(layout.root);
    const names = pod?.apps.map((a) => a.name) ?? [];
    if (pod && !names.includes(q.app)) {
      io.err(`podunit logs: the pod has no app "${q.app}" (its apps: ${names.join(', ') || 'none'})\n`);
      return 2;
    }
  }
  const print = (e: JournalEntry) => io.out((args.flags.has('json') ? JSON.stringify(e) : journalLine(e)) + '\n');
  if (args.flags.has('follow')) {
    const f = followJournal(layout, q, print);
    const stop = () => f.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
    const problem = await f.done;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (problem) {
      io.err(`podunit logs: ${problem.message}\n`);
      return problem.code === 'bad-query' ? 2 : 1;
    }
    return 0;
  }
  const r = await readJournal(layout, q);
  for (const e of r.entries) print(e);
  for (const w of r.warnings) io.err(`podunit logs: warning: ${w}\n`);
  if (r.problem) {
    io.err(`podunit logs: ${r.problem.message}\n`);
    return r.problem.code === 'bad-query' ? 2 : 1;
  }
  return 0;
}
