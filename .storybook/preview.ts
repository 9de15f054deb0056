import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { registerTranslations } from '../src/index.js';
import de from '../src/locales/de.js';
import es from '../src/locales/es.js';
import fr from '../src/locales/fr.js';
import ja from '../src/locales/ja.js';
import uk from '../src/locales/uk.js';

// Autodocs and controls read every attribute, property, event, slot, part and CSS custom property
// from the committed manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

// The shipped translations, picked by each element's resolved locale (here the page's `lang`).
registerTranslations(de, fr, es, uk, ja);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the elements (the page lang; a story that sets its own locale keeps it)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'uk', title: 'Українська' },
          { value: 'ja', title: '日本語' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, { globals }) => {
      document.documentElement.lang = String(globals['locale'] ?? 'en');
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
