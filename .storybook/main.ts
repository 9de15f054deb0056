import type { StorybookConfig } from '@storybook/web-components-vite';

// Written by hand (`storybook init` cannot download here). `public/` serves MSW's worker.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Autodocs pages (one per element, fed by custom-elements.json through preview.ts).
  addons: ['@storybook/addon-docs'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  docs: { defaultName: 'Docs' },
  // The project's vite.config.ts builds the library; Storybook builds an app from the same sources.
  viteFinal: (viteConfig) => {
    if (viteConfig.build) delete viteConfig.build.lib;
    if (viteConfig.build?.rolldownOptions) delete viteConfig.build.rolldownOptions;
    // The story test's `--dev` run starts cold, with a pre-bundling cache of its own.
    if (process.env['DOZOR_STORYBOOK_CACHE_DIR']) viteConfig.cacheDir = process.env['DOZOR_STORYBOOK_CACHE_DIR'];
    // Storybook's own preview entries are served unbundled and import `lit/directive-helpers.js`, which
    // no story imports: unless it is pre-bundled with the rest of Lit, it loads a second lit-html (a
    // "Multiple versions of Lit loaded" warning, and templates of one copy that the other cannot render).
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
