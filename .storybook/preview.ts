import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import '../src/index.js';

// Autodocs and controls read every attribute, property, event, slot, part and CSS custom property
// from the committed manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
