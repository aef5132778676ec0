// podunit's command line: one table of subcommands.
import { UsageError } from './args.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';
import { serveCommand } from './serve.js';
import { listCommand } from './list.js';
import { statusCommand } from './status.js';
import { logsCommand } from './logs.js';
import { doctorCommand } from './doctor.js';
import { diffProfilesCommand } from './diff-profiles.js';
import { processIO, type CliIO } from './output.js';
import { PodRootError } from '../pod/read.js';
import { RuntimeConfigError } from '../pod/runtime-config.js';

type Command = { run: (argv: string[], io: CliIO) => Promise<number>; summary: string };

const COMMANDS: Record<string, Command> = {
  generate: { run: generateCommand, summary: 'compute (and optionally write) the units rkt stage1 writes for a pod' },
  validate: { run: validateCommand, summary: "decode an appc manifest with Go's verdict and error text" },
  serve: { run: serveCommand, summary: 'serve the inspector to a browser on loopback (browser mode)' },
  list: { run: listCommand, summary: 'list the pods of an rkt data directory by state' },
  status: { run: statusCommand, summary: "a pod's state and each app's exit status" },
  logs: { run: logsCommand, summary: "a pod's journal, per app, optionally followed" },
  doctor: { run: doctorCommand, summary: 'explain why a pod failed, most likely cause first' },
  'diff-profiles': { run: diffProfilesCommand, summary: 'which files and options two rkt generations write differently for a pod' },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: podunit <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'podunit <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err(`podunit: unknown command ${JSON.stringify(name)}\n\n${help()}`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof PodRootError || e instanceof RuntimeConfigError) {
      io.err(`podunit ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
