// Light and dark editor themes matching the app's colors, with token colors for the
// systemd, env-file and sysusers grammars.
import { monaco } from './monaco';

export const LIGHT_THEME = 'podunit-light';
export const DARK_THEME = 'podunit-dark';

/** Token colors: token, light foreground, dark foreground, font style. */
const TOKENS: [token: string, light: string, dark: string, style?: string][] = [
  ['type.section', '7a3e9d', 'd8a6f5', 'bold'],
  ['keyword.directive', '0b5cad', '7cc4ff'],
  ['delimiter', '6b7280', '9ca3af'],
  ['string', '0f7a4a', '9ad9a6'],
  ['string.quote', '0f7a4a', '9ad9a6'],
  ['string.escape', 'b45309', 'f6c177'],
  ['constant.escape', 'b45309', 'f6c177'],
  ['variable.specifier', 'c2410c', 'fb923c', 'bold'],
  ['variable', '9a3412', 'fdba74'],
  ['variable.group', '7c2d12', 'fdba74'],
  ['constant.boolean', '1d4ed8', '93c5fd'],
  ['number', '0e7490', '67e8f9'],
  ['operator', 'be123c', 'fb7185', 'bold'],
  ['comment', '6b7280', '8b949e', 'italic'],
  ['invalid', 'b91c1c', 'f87171'],
];

function rules(side: 'light' | 'dark'): { token: string; foreground: string; fontStyle?: string }[] {
  return TOKENS.map(([token, light, dark, fontStyle]) => ({ token, foreground: side === 'light' ? light : dark, ...(fontStyle ? { fontStyle } : {}) }));
}

export function defineThemes(): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: rules('light'),
    colors: {
      'editor.background': '#ffffff',
      'editorLineNumber.foreground': '#9ca3af',
      'editor.lineHighlightBackground': '#f3f6fa',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: rules('dark'),
    colors: {
      'editor.background': '#15181e',
      'editorLineNumber.foreground': '#5b6472',
      'editor.lineHighlightBackground': '#1d2129',
    },
  });
}
