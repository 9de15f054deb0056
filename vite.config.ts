import { defineConfig } from 'vite';

// The library build: one ESM entry per public subpath, runtime dependencies left as bare imports
// so the host's bundler dedupes Lit and uPlot. The demo (`npm start`) uses the same file.
const runtimeDependencies = [/^lit($|\/)/, /^@lit\//, /^uplot($|\/)/, /^react($|\/)/, /^msw($|\/)/];

export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    // public/ holds MSW's worker for the demo and Storybook; it is not part of the package.
    copyPublicDir: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'core/index': 'src/core/index.ts',
        'backend/index': 'src/backend/index.ts',
        'react/index': 'src/react/index.ts',
        'msw/index': 'src/backend/msw/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: runtimeDependencies,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
