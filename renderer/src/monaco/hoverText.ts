// Builds the hover Markdown for a line of a generated file: what the directive means and
// where the line came from, with a command link that reveals a manifest source.
// No Monaco import: tests check the text directly.
import type { LineProvenance, Provenance } from '../../../shared/plan';
import { describeProvenance, provenanceKindLabel } from '../model/provenance';
import { directiveDoc, ENV_DOCS, SECTION_DOCS, SYSUSERS_DOCS } from './directiveDocs';

export const REVEAL_COMMAND = 'podunit.revealSource';

export interface HoverLine {
  language: 'systemd' | 'rkt-env' | 'sysusers' | 'plaintext';
  text: string;
  /** The [Section] the line is in (unit files). */
  section?: string;
  /** Word under the mouse, when it is the key. */
  onKey: boolean;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => '\\' + c);
}

function revealLink(p: Provenance & { kind: 'manifest' }): string {
  const args = encodeURIComponent(JSON.stringify([p.doc, p.pointer]));
  return `[Reveal](command:${REVEAL_COMMAND}?${args} "Show this field in the manifest editor")`;
}

export function provenanceMarkdown(lp: LineProvenance | undefined): string | null {
  if (!lp || lp.sources.length === 0) return null;
  const items = lp.sources.map((src) => {
    const label = `**${provenanceKindLabel(src)}** — ${escapeMd(describeProvenance(src))}`;
    return src.kind === 'manifest' ? `- ${label} · ${revealLink(src)}` : `- ${label}`;
  });
  return `*Came from*\n\n${items.join('\n')}`;
}

export function directiveMarkdown(line: HoverLine): string | null {
  const { text, language } = line;
  if (language === 'systemd') {
    const header = /^\[([^\]]+)\]$/.exec(text);
    if (header) return SECTION_DOCS[header[1]] ?? null;
    const eq = text.indexOf('=');
    if (eq <= 0) return null;
    const key = text.slice(0, eq);
    const doc = directiveDoc(key, line.section);
    if (!doc) return null;
    return `**${key}=** \`[${doc.sections.join('] [')}]\`\n\n${doc.doc}`;
  }
  if (language === 'rkt-env') {
    const eq = text.indexOf('=');
    if (eq <= 0) return null;
    const key = text.slice(0, eq);
    const doc = ENV_DOCS[key];
    return doc ? `**${key}** — ${doc}` : `**${key}** — set by the app's \`environment\` list.`;
  }
  if (language === 'sysusers') {
    const kind = text.trim().charAt(0);
    return SYSUSERS_DOCS[kind] ?? null;
  }
  return null;
}

export function hoverMarkdown(line: HoverLine, lp: LineProvenance | undefined, extra?: string): string[] {
  const parts: string[] = [];
  const directive = directiveMarkdown(line);
  if (directive) parts.push(directive);
  const prov = provenanceMarkdown(lp);
  if (prov) parts.push(prov);
  if (extra) parts.push(extra);
  return parts;
}
