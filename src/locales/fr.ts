import { compileTranslation, type Catalogue } from '../elements/shared/catalogue.js';
import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';
import messages from './fr.json' with { type: 'json' };

// French plurals: `one` covers 0 and 1, `many` the round millions ("1 000 000 de sessions").
/** French (vous-form): every string of every element, compiled from `fr.json`. `registerTranslations(fr)`; `locale="fr"`, `fr-CA`, … select it. */
export const fr: DozorTranslation<DozorStrings> = compileTranslation('fr', messages satisfies Catalogue<DozorStrings>);

export default fr;
