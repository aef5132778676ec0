// Monaco's JSON language starts its worker through `internal/common/workers.js`, a module that
// also registers every editor feature Monaco has. The build points that import here instead
// (see vite.config.ts), so only the features in ./features.ts are bundled. Same contract: the
// worker comes from MonacoEnvironment.getWorker, receives an ignored first message and then its
// creation data, and is wrapped by the editor's own worker client.
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, Function>;
  keepIdleModels?: boolean;
}

function startWorker(label: string): Promise<Worker> {
  const env = (globalThis as { MonacoEnvironment?: { getWorker?: (id: string, label: string) => Worker | Promise<Worker> } }).MonacoEnvironment;
  if (!env?.getWorker) return Promise.reject(new Error('MonacoEnvironment.getWorker is not set'));
  return Promise.resolve(env.getWorker('workerMain.js', label));
}

export function createWebWorker<T extends object>(opts: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = startWorker(opts.label ?? 'monaco-editor-worker').then((w) => {
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}
