import { defineConfig, type Plugin } from 'vite';
import { minifyLitTemplates } from './scripts/lit-templates.mjs';

/**
 * The elements' css`…` stylesheets and html`…` markup minified in dist/ (hosts' minifiers leave template
 * literals alone): scripts/lit-templates.mjs says what goes and what stays.
 */
function litTemplatesPlugin(): Plugin {
  return {
    name: 'dozor-minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/elements\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      // The lines after each template keep their numbers, so the map holds.
      return { code: minifyLitTemplates(code, this.parse(code)), map: null };
    },
  };
}

// The library build: one ESM entry per public subpath (the translations too: `locales/de`, …), runtime dependencies left as bare imports
// so the host's bundler dedupes Lit and uPlot. Modules are kept as they are in src/ (dist/elements/…),
// so `sideEffects` can name exactly the registering ones and a host's bundler drops every element it
// does not import. The demo (`npm start`) uses the same file.
const runtimeDependencies = [/^lit($|\/)/, /^@lit\//, /^uplot($|\/)/, /^react($|\/)/, /^msw($|\/)/];

export default defineConfig({
  plugins: [litTemplatesPlugin()],
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
        provider: 'src/entries/provider.ts',
        'user-list': 'src/entries/user-list.ts',
        'kpi-strip': 'src/entries/kpi-strip.ts',
        'user-profile': 'src/entries/user-profile.ts',
        'locales/de': 'src/locales/de.ts',
        'locales/fr': 'src/locales/fr.ts',
        'locales/es': 'src/locales/es.ts',
        'locales/uk': 'src/locales/uk.ts',
        'locales/ja': 'src/locales/ja.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: runtimeDependencies,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
