// When the Monaco panes mount. Evaluating Monaco and creating its editors holds the main thread
// for the best part of a second; done first, it also held back the pod's texts arriving
// meanwhile. So the panes show the texts as previews first and mount their editors in the
// frame after (or after a fallback delay, when no pod opens).
import { useEffect, useState } from 'react';
import { useApp } from './context';
import { afterNextPaint } from './idle';
import { activeDocText, selectedFileText } from '../store/selectors';

const FALLBACK_MS = 1500;

/** False until the first texts are shown (then true for good). */
export function useEditorsMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  const textsShown = useApp((s) => activeDocText(s) !== null && selectedFileText(s) !== null);
  useEffect(() => {
    if (mounted) return;
    if (textsShown) return afterNextPaint(() => setMounted(true));
    const timer = setTimeout(() => setMounted(true), FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [mounted, textsShown]);
  return mounted;
}
