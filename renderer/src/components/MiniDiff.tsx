/** @jsxRuntime automatic */
// A small read-only Monaco diff for dialogs (the write preview).
import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/monaco';
import { setupMonaco } from '../monaco/languages';
import { DARK_THEME, LIGHT_THEME } from '../monaco/themes';
import { disposeDiffPair, setDiffTexts, type DiffPair } from '../monaco/diffModels';
import { useApp } from '../app/context';
import { isDark } from '../store/selectors';

export function MiniDiff({ original, modified, language }: { original: string; modified: string; language: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const pairRef = useRef<DiffPair | null>(null);
  const dark = useApp(isDark);

  useEffect(() => {
    setupMonaco();
    const editor = monaco.editor.createDiffEditor(hostRef.current!, {
      readOnly: true, automaticLayout: true, renderSideBySide: true, minimap: { enabled: false }, fontSize: 12,
      scrollBeyondLastLine: false, useInlineViewWhenSpaceIsLimited: true,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3 },
      theme: dark ? DARK_THEME : LIGHT_THEME,
    });
    editorRef.current = editor;
    return () => { editor.dispose(); disposeDiffPair(pairRef.current); pairRef.current = null; };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor) pairRef.current = setDiffTexts(editor, pairRef.current, original, modified, language, false);
  }, [original, modified, language]);

  return <div className="mini-diff" ref={hostRef} />;
}
