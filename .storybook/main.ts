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
    return viteConfig;
  },
};

export default config;
