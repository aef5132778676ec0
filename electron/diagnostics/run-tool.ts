// Runs an external tool (journalctl, systemd-analyze, flock) and tells "not installed" apart
// from "ran and failed".
import { spawn } from 'node:child_process';

export interface ToolResult {
  /** The executable was not found (spawn ENOENT). */
  missing: boolean;
  /** Exit code; null when killed or not started. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Error text when the process could not be started for another reason. */
  spawnError?: string;
}

export interface RunOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Stop reading stdout beyond this many bytes (the result is then truncated). */
  maxBytes?: number;
}

export function runTool(cmd: string, args: string[], opts: RunOptions = {}): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    let settled = false;
    const max = opts.maxBytes ?? 64 * 1024 * 1024;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 30_000);
    child.stdout.on('data', (b: Buffer) => {
      if (outBytes >= max) return;
      out.push(b);
      outBytes += b.length;
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const finish = (r: Omit<ToolResult, 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish({ missing: e.code === 'ENOENT', code: null, spawnError: e.code === 'ENOENT' ? undefined : e.message });
    });
    child.on('close', (code) => finish({ missing: false, code }));
  });
}
