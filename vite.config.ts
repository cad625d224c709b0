import { defineConfig } from 'vite';

// The web console: the same renderer code the Electron windows load, built once into dist/web
// and served by the hub. base './' because Electron loads it from file:// and kiosks may reach
// the hub under a path prefix.
export default defineConfig({
  root: 'renderer',
  base: './',
  // Vite 8 transforms TSX with oxc; without @vitejs/plugin-react we ask for React's automatic
  // runtime ourselves, matching tsconfig's "jsx": "react-jsx".
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  // The console worker (renderer/web/worker) is an ES module worker, like the page.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
  },
});
