// The one place that loads Monaco: the editor API, the editor features podunit uses, the JSON language,
// and the workers (bundled locally by Vite's `?worker` imports; nothing comes from a network).
import * as monaco from 'monaco-editor/editor';
import './features';
import { getWorker as getJsonWorker, jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

(globalThis as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export { monaco, jsonDefaults, getJsonWorker };
