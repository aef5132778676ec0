// Builds the renderer into dist/renderer/ with a relative base, so the same files load from
// Electron's app:// scheme and from the browser-mode host. Monaco workers are bundled as
// separate chunks through `?worker` imports; nothing is fetched from the network.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    // PODUNIT_RENDERER_OUT builds elsewhere (e.g. a private copy for tests while dist/ is in use).
    outDir: process.env.PODUNIT_RENDERER_OUT ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
});
