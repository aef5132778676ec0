// Light and dark editor themes matching the app's colors, with token colors for the
// systemd, env-file and sysusers grammars.
import { monaco } from './monaco';

export const LIGHT_THEME = 'podunit-light';
export const DARK_THEME = 'podunit-dark';

export function defineThemes(): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'type.section', foreground: '7a3e9d', fontStyle: 'bold' },
      { token: 'keyword.directive', foreground: '0b5cad' },
      { token: 'delimiter', foreground: '6b7280' },
      { token: 'string', foreground: '0f7a4a' },
      { token: 'string.quote', foreground: '0f7a4a' },
      { token: 'string.escape', foreground: 'b45309' },
      { token: 'constant.escape', foreground: 'b45309' },
      { token: 'variable.specifier', foreground: 'c2410c', fontStyle: 'bold' },
      { token: 'variable', foreground: '9a3412' },
      { token: 'variable.group', foreground: '7c2d12' },
      { token: 'constant.boolean', foreground: '1d4ed8' },
      { token: 'number', foreground: '0e7490' },
      { token: 'operator', foreground: 'be123c', fontStyle: 'bold' },
      { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
      { token: 'invalid', foreground: 'b91c1c' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#9ca3af',
      'editor.lineHighlightBackground': '#f3f6fa',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'type.section', foreground: 'd8a6f5', fontStyle: 'bold' },
      { token: 'keyword.directive', foreground: '7cc4ff' },
      { token: 'delimiter', foreground: '9ca3af' },
      { token: 'string', foreground: '9ad9a6' },
      { token: 'string.quote', foreground: '9ad9a6' },
      { token: 'string.escape', foreground: 'f6c177' },
      { token: 'constant.escape', foreground: 'f6c177' },
      { token: 'variable.specifier', foreground: 'fb923c', fontStyle: 'bold' },
      { token: 'variable', foreground: 'fdba74' },
      { token: 'variable.group', foreground: 'fdba74' },
      { token: 'constant.boolean', foreground: '93c5fd' },
      { token: 'number', foreground: '67e8f9' },
      { token: 'operator', foreground: 'fb7185', fontStyle: 'bold' },
      { token: 'comment', foreground: '8b949e', fontStyle: 'italic' },
      { token: 'invalid', foreground: 'f87171' },
    ],
    colors: {
      'editor.background': '#15181e',
      'editorLineNumber.foreground': '#5b6472',
      'editor.lineHighlightBackground': '#1d2129',
    },
  });
}
