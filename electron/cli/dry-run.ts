// The dry-run rendering of a plan: each file as ---<path>--- and its content, symlinks as
// `<path> -> <target>`, then the systemd-nspawn command line.
import type { Plan, PlanEntry } from '../../shared/plan.js';

export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

function renderEntry(e: PlanEntry): string {
  if (e.kind === 'symlink') return `${e.path} -> ${e.target}\n`;
  if (e.kind === 'dir') return `${e.path}/ (directory, mode ${e.mode})\n`;
  if (e.encoding === 'base64') return `---${e.path}--- (binary, base64)\n${e.content}\n`;
  return `---${e.path}---\n${e.content}\n`;
}

export function renderDryRun(plan: Plan): string {
  const parts = plan.entries.map(renderEntry);
  if (plan.nspawnEntries) parts.push(...plan.nspawnEntries.map(renderEntry));
  if (plan.nspawnArgs) parts.push(`systemd-nspawn ${plan.nspawnArgs.map(shellQuote).join(' ')}\n`);
  return parts.join('');
}
