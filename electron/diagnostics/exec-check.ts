// Can the kernel execute this program inside the app's root? The same questions stage1's
// diagnostic asks after an exit 203: does the file exist, is it an executable regular file,
// and does its ELF interpreter (or its "#!" interpreter) exist inside the same root.
import type { Evidence } from './findings.js';
import type { RootView, Resolved } from './root-view.js';
import { isElf, machineForArch, parseElf, parseShebang, ELF_MACHINES } from './elf.js';

export type ExecProblemCode = 'exec-binary-missing' | 'exec-not-executable' | 'exec-bad-interpreter' | 'exec-bad-format';

export interface ExecProblem {
  code: ExecProblemCode;
  message: string;
  evidence: Evidence[];
}

export interface ExecCheck {
  binary: string;
  /** The path after following symlinks, inside the root. */
  resolved: string | null;
  kind: 'elf' | 'script' | 'other' | null;
  /** Interpreters met on the way (ELF loader, script interpreters), outermost first. */
  interpreters: string[];
  problem: ExecProblem | null;
}

export interface ExecCheckOptions {
  /** The app's PATH, used for relative programs and `#!/usr/bin/env NAME`. */
  path?: string;
  /** Expected CPU architecture (Go or uname name); default: this machine's. */
  arch?: string;
}

/** Linux follows at most this many nested "#!" interpreters. */
const MAX_SCRIPT_DEPTH = 4;
const HEAD_BYTES = 64 * 1024;

function fileEvidence(view: RootView, p: string, text: string): Evidence {
  return { kind: 'file', path: view.hostPath(p) ?? undefined, text };
}

function explainMissing(r: Extract<Resolved, { ok: false }>, what: string): string {
  const via = r.links.length ? ` (via ${r.links.join(', ')})` : '';
  switch (r.error) {
    case 'ENOENT':
      return r.at === r.path && r.links.length === 0 ? `${what} does not exist` : `${what}: ${r.at} does not exist${via}`;
    case 'ENOTDIR':
      return `${what}: ${r.at} is not a directory${via}`;
    case 'ELOOP':
      return `${what}: too many levels of symbolic links${via}`;
    default:
      return `${what}: ${r.error}`;
  }
}

/** Finds a relative program in PATH inside the root, like execvp. */
export function searchPath(view: RootView, name: string, pathVar: string): string | null {
  for (const dir of pathVar.split(':')) {
    if (!dir.startsWith('/')) continue;
    const cand = `${dir.replace(/\/+$/, '')}/${name}`;
    const r = view.resolve(cand);
    if (r.ok && r.stat.kind === 'file' && r.stat.mode & 0o111) return cand;
  }
  return null;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function checkExec(view: RootView, binary: string, opts: ExecCheckOptions = {}): ExecCheck {
  const out: ExecCheck = { binary, resolved: null, kind: null, interpreters: [], problem: null };
  const pathVar = opts.path ?? DEFAULT_PATH;
  let prog = binary;
  if (!prog.startsWith('/')) {
    const found = searchPath(view, prog, pathVar);
    if (!found) {
      out.problem = {
        code: 'exec-binary-missing',
        message: `"${binary}" is not an absolute path and was not found in PATH=${pathVar} inside the app's root`,
        evidence: [],
      };
      return out;
    }
    prog = found;
  }
  checkProgram(view, prog, 'the program', 0, out, opts, pathVar);
  return out;
}

function checkProgram(view: RootView, prog: string, role: string, depth: number, out: ExecCheck, opts: ExecCheckOptions, pathVar: string): void {
  const top = depth === 0;
  const missingCode = top ? 'exec-binary-missing' : 'exec-bad-interpreter';
  const r = view.resolve(prog);
  if (!r.ok) {
    out.problem = {
      code: missingCode,
      message: `${explainMissing(r, `${role} ${prog}`)} inside the app's root`,
      evidence: r.links.map((l) => fileEvidence(view, l.split(' -> ')[0], `symlink ${l}`)),
    };
    return;
  }
  if (top) out.resolved = r.path;
  const st = r.stat;
  const ev = fileEvidence(view, r.path, `${r.path}: ${st.kind}, mode ${st.mode.toString(8).padStart(4, '0')}, owner ${st.uid}:${st.gid}`);
  if (st.kind !== 'file' || (st.mode & 0o111) === 0) {
    const why = st.kind === 'dir' ? 'is a directory' : st.kind !== 'file' ? `is a ${st.kind}, not a regular file` : 'has no execute permission';
    out.problem = {
      code: top ? 'exec-not-executable' : 'exec-bad-interpreter',
      message: `${role} ${prog}${r.path !== prog ? ` (${r.path})` : ''} ${why}`,
      evidence: [ev],
    };
    return;
  }
  const head = view.readFile(r.path, HEAD_BYTES) ?? Buffer.alloc(0);
  if (isElf(head)) {
    if (top) out.kind = 'elf';
    const p = parseElf(head);
    if (!p.ok) {
      out.problem = { code: top ? 'exec-bad-format' : 'exec-bad-interpreter', message: `${role} ${r.path}: ${p.error}`, evidence: [ev] };
      return;
    }
    const want = machineForArch(opts.arch ?? process.arch);
    if (want !== null && p.elf.machine !== want && !(want === 62 && p.elf.machine === 3)) {
      out.problem = {
        code: top ? 'exec-bad-format' : 'exec-bad-interpreter',
        message: `${role} ${r.path} is built for ${p.elf.machineName}, but this machine runs ${ELF_MACHINES[want] ?? opts.arch ?? process.arch} ("Exec format error")`,
        evidence: [ev],
      };
      return;
    }
    if (p.elf.interpreter !== null) {
      out.interpreters.push(p.elf.interpreter);
      const ir = view.resolve(p.elf.interpreter);
      const interpEv: Evidence = fileEvidence(view, r.path, `${r.path}: ELF ${p.elf.bits}-bit ${p.elf.machineName}, PT_INTERP ${p.elf.interpreter}`);
      if (!ir.ok) {
        out.problem = {
          code: 'exec-bad-interpreter',
          message: `${role} ${r.path} needs the ELF interpreter ${p.elf.interpreter}, but ${explainMissing(ir, p.elf.interpreter).replace(`${p.elf.interpreter}: `, '')} inside the app's root`,
          evidence: [interpEv],
        };
        return;
      }
      if (ir.stat.kind !== 'file' || (ir.stat.mode & 0o111) === 0) {
        out.problem = {
          code: 'exec-bad-interpreter',
          message: `the ELF interpreter ${p.elf.interpreter} of ${r.path} ${ir.stat.kind !== 'file' ? `is a ${ir.stat.kind}` : 'has no execute permission'}`,
          evidence: [interpEv, fileEvidence(view, ir.path, `${ir.path}: ${ir.stat.kind}, mode ${ir.stat.mode.toString(8).padStart(4, '0')}`)],
        };
        return;
      }
      const ihead = view.readFile(ir.path, 64) ?? Buffer.alloc(0);
      if (!isElf(ihead)) {
        out.problem = {
          code: 'exec-bad-interpreter',
          message: `the ELF interpreter ${p.elf.interpreter} of ${r.path} is not an ELF file`,
          evidence: [interpEv],
        };
      }
    }
    return;
  }
  const sb = parseShebang(head);
  if (sb) {
    if (top) out.kind = 'script';
    out.interpreters.push(sb.interpreter);
    const sbEv = fileEvidence(view, r.path, `${r.path}: #!${sb.interpreter}${sb.argument ? ` ${sb.argument}` : ''}`);
    if (depth + 1 > MAX_SCRIPT_DEPTH) {
      out.problem = { code: 'exec-bad-interpreter', message: `too many nested #! interpreters at ${r.path}`, evidence: [sbEv] };
      return;
    }
    const before = out.problem;
    checkProgram(view, sb.interpreter, `the #! interpreter of ${r.path},`, depth + 1, out, opts, pathVar);
    if (out.problem && out.problem !== before) {
      out.problem.evidence.unshift(sbEv);
      return;
    }
    // `#!/usr/bin/env NAME` defers the lookup to PATH at run time (env then exits 127).
    if (/(^|\/)env$/.test(sb.interpreter) && sb.argument) {
      const words = sb.argument.split(/\s+/).filter((w) => w !== '-S' && !w.startsWith('-') && !w.includes('='));
      const name = words[0];
      if (name && !name.startsWith('/') && !searchPath(view, name, pathVar)) {
        out.problem = {
          code: 'exec-bad-interpreter',
          message: `${r.path} runs "${name}" through ${sb.interpreter}, but no "${name}" is in PATH=${pathVar} inside the app's root (env exits 127)`,
          evidence: [sbEv],
        };
      }
    }
    return;
  }
  if (top) out.kind = 'other';
  out.problem = {
    code: top ? 'exec-bad-format' : 'exec-bad-interpreter',
    message: `${role} ${r.path} is neither an ELF binary nor a script starting with "#!" ("Exec format error")`,
    evidence: [ev],
  };
}
