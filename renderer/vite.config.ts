// Builds the renderer into dist/renderer/ with a relative base, so the same files load from
// Electron's app:// scheme and from the browser-mode host. Monaco workers are bundled as
// separate chunks through `?worker` imports; nothing is fetched from the network.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Monaco's language packages start their workers through a module that also registers every
 * editor feature Monaco has; this points them at a client that does only the starting, so the
 * bundle holds just the features listed in src/monaco/features.ts.
 */
function slimMonacoWorkers(): Plugin {
  const client = fileURLToPath(new URL('./src/monaco/json-worker-client.ts', import.meta.url));
  return {
    name: 'podunit-slim-monaco-workers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && /[\\/]monaco-editor[\\/]/.test(importer) && source.endsWith('/internal/common/workers.js')) return client;
      return null;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [slimMonacoWorkers(), react()],
  build: {
    // PODUNIT_RENDERER_OUT builds elsewhere (e.g. a private copy for tests while dist/ is in use).
    outDir: process.env.PODUNIT_RENDERER_OUT ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Escaped non-ASCII text keeps every script one-byte, which the browser parses faster.
        charset: 'ascii',
        // Monaco in two scripts along its layers (base and platform below, the editor above):
        // the browser parses separate scripts on separate threads, so the editor is ready sooner.
        codeSplitting: {
          groups: [
            // Vite's preload helper, which Monaco's lazy imports also use, stays out of the Monaco
            // scripts: the first screen's own script needs it before any editor loads.
            { name: 'preload-helper', test: /preload-helper/, priority: 3 },
            { name: 'monaco-base', test: /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/](base|platform)[\\/]/, priority: 2 },
            { name: 'monaco-editor', test: /[\\/]node_modules[\\/]monaco-editor[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
});
