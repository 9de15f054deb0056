import { compileTranslation, type Catalogue } from '../elements/shared/catalogue.js';
import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';
import messages from './es.json' with { type: 'json' };

// Spanish plurals: `many` is the round millions ("1 000 000 de sesiones").
/** Spanish (usted-neutral): every string of every element, compiled from `es.json`. `registerTranslations(es)`; `locale="es"`, `es-MX`, … select it. */
export const es: DozorTranslation<DozorStrings> = compileTranslation('es', messages satisfies Catalogue<DozorStrings>);

export default es;
