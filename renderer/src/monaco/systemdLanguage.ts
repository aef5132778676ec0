// Monarch grammars for the generated files: systemd units, env files and sysusers.d files.
// Type-only Monaco imports, so tests can check the rules without loading the editor.
import type { languages } from 'monaco-editor/editor';

export const SYSTEMD_LANGUAGE_ID = 'systemd';
export const ENVFILE_LANGUAGE_ID = 'rkt-env';
export const SYSUSERS_LANGUAGE_ID = 'sysusers';

export const systemdLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  ignoreCase: false,
  tokenizer: {
    root: [
      [/^\s*[#;].*$/, 'comment'],
      [/^\s*(\[)([^\]]*)(\])/, ['delimiter.bracket', 'type.section', 'delimiter.bracket']],
      [/^([A-Za-z0-9_.\-]+)(=)/, ['keyword.directive', { token: 'delimiter', next: '@valueStart' }]],
      [/.+/, 'invalid'],
    ],
    // Monarch matches against the rest of the line, so a prefix right after '=' needs its own state.
    // States carry over to the next line; a rule anchored at '^' returns to root there.
    valueStart: [
      [/^/, { token: '', next: '@popall' }],
      [/~/, { token: 'operator', switchTo: '@value' }],
      [/-(?=\/)/, { token: 'operator', switchTo: '@value' }],
      [/./, { token: '@rematch', switchTo: '@value' }],
    ],
    value: [
      [/^/, { token: '', next: '@popall' }],
      [/\\./, 'string.escape'],
      [/"/, 'string.quote', '@dquoted'],
      [/%%|\$\$/, 'constant.escape'],
      [/%[A-Za-z]/, 'variable.specifier'],
      [/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/, 'variable'],
      [/(?:yes|no|true|false)(?![\w@.\/-])/, 'constant.boolean'],
      [/\d+(?:%|[KMGT])?(?![\w.\/-])/, 'number'],
      [/@[a-z][a-z0-9-]*/, 'variable.group'],
      [/[A-Za-z_][\w.\/@:+-]*|\/[\w.\/@:+-]*/, ''],
      [/\s+/, ''],
      [/./, ''],
    ],
    dquoted: [
      [/^/, { token: '', next: '@popall' }],
      [/\\./, 'string.escape'],
      [/%%|\$\$/, 'constant.escape'],
      [/%[A-Za-z]/, 'variable.specifier'],
      [/"/, 'string.quote', '@pop'],
      [/[^"\\%$]+/, 'string'],
      [/./, 'string'],
    ],
  },
};

export const envfileLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/^([A-Za-z_][A-Za-z0-9_.\-]*)(=)(.*)$/, ['keyword.directive', 'delimiter', 'string']],
      [/.+/, 'string'],
    ],
  },
};

export const sysusersLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenizer: {
    root: [
      [/^\s*#.*$/, 'comment'],
      [/^([gumr])(\s+)(\S+)/, ['keyword.directive', '', 'type.section']],
      [/"[^"]*"/, 'string'],
      [/\b\d+\b/, 'number'],
      [/-/, 'operator'],
    ],
  },
};

export const systemdLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['[', ']']],
  autoClosingPairs: [{ open: '"', close: '"' }],
};

/** Which language shows a generated file, by its pod-root-relative path. */
export function languageForPath(path: string): string {
  if (/\/usr\/lib\/sysusers\.d\/[^/]+\.conf$/.test(path)) return SYSUSERS_LANGUAGE_ID;
  if (/\/rkt\/env\/[^/]+$/.test(path) || /\/rkt\/iottymux\/[^/]+\/env$/.test(path)) return ENVFILE_LANGUAGE_ID;
  if (/\.(service|socket|target|mount|timer|path|slice)$/.test(path)) return SYSTEMD_LANGUAGE_ID;
  return 'plaintext';
}
