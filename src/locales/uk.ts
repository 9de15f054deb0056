import { compileTranslation, type Catalogue } from '../elements/shared/catalogue.js';
import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';
import messages from './uk.json' with { type: 'json' };

// Ukrainian plurals: `one` 1, 21, 31…; `few` 2–4, 22–24…; `many` 0, 5–20, 25–30…; `other` fractions.
/** Ukrainian: every string of every element, compiled from `uk.json`. `registerTranslations(uk)`; `locale="uk"` or `uk-UA` selects it. */
export const uk: DozorTranslation<DozorStrings> = compileTranslation('uk', messages satisfies Catalogue<DozorStrings>);

export default uk;
