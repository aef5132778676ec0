// The options of the manifest editor and the unit viewer that do not depend on the page's
// state (theme, labels): shared with the warm-up editors, which must run the same code.
import type { monaco } from './monaco';
import { MAX_FOLDING_REGIONS } from './foldingRegions';

type Options = monaco.editor.IStandaloneEditorConstructionOptions;

export const MANIFEST_EDITOR_OPTIONS: Options = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  renderLineHighlight: 'line',
  wordBasedSuggestions: 'off',
  // The outline model would ask the JSON worker for all symbols after every keystroke.
  stickyScroll: { enabled: true, defaultModel: 'indentationModel' },
  // Every keystroke replaces all folding decorations: a 100-app manifest has thousands of
  // regions. The outermost ones (the pod, each app, its sections) are the ones worth folding.
  foldingMaximumRegions: MAX_FOLDING_REGIONS,
};

export const UNIT_VIEWER_OPTIONS: Options = {
  readOnly: true,
  domReadOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  lineDecorationsWidth: 8,
  glyphMargin: false,
  folding: true,
  showFoldingControls: 'mouseover',
  wordWrap: 'off',
  renderWhitespace: 'none',
  occurrencesHighlight: 'off',
  // Units have no bracket structure to colour; colouring would tokenize every file shown.
  bracketPairColorization: { enabled: false },
  // Section headers ([Service]) stay in view while scrolling through long option lists.
  stickyScroll: { enabled: true, defaultModel: 'foldingProviderModel', maxLineCount: 2 },
};
