import { defineConfig, type Plugin } from 'vite';

/**
 * The elements' css`…` stylesheets without comments and indentation in dist/ (hosts' minifiers leave
 * template literals alone). Only literals without `${…}` are touched, and only comments and whitespace
 * next to `{ } ; , >` go, which never changes what a rule means. Line breaks stay, so source maps hold.
 */
function compactCssTemplates(): Plugin {
  const compact = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}'),
      )
      .join('\n');
  return {
    name: 'dozor-compact-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/elements\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${compact(text)}\``), map: null };
    },
  };
}

// The library build: one ESM entry per public subpath (the translations too: `locales/de`, …), runtime dependencies left as bare imports
// so the host's bundler dedupes Lit and uPlot. Modules are kept as they are in src/ (dist/elements/…),
// so `sideEffects` can name exactly the registering ones and a host's bundler drops every element it
// does not import. The demo (`npm start`) uses the same file.
const runtimeDependencies = [/^lit($|\/)/, /^@lit\//, /^uplot($|\/)/, /^react($|\/)/, /^msw($|\/)/];

export default defineConfig({
  plugins: [compactCssTemplates()],
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
