import { compileTranslation, type Catalogue } from '../elements/shared/catalogue.js';
import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';
import messages from './de.json' with { type: 'json' };

/** German (Sie-form): every string of every element, compiled from `de.json`. `registerTranslations(de)`; `locale="de"`, `de-AT`, … select it. */
export const de: DozorTranslation<DozorStrings> = compileTranslation('de', messages satisfies Catalogue<DozorStrings>);

export default de;
