import { compileTranslation, type Catalogue } from '../elements/shared/catalogue.js';
import type { DozorStrings } from '../elements/shared/strings.js';
import type { DozorTranslation } from '../elements/shared/translations.js';
import messages from './ja.json' with { type: 'json' };

// Japanese has one plural form (`other`); counts take counters instead (件, 人, ページ).
/** Japanese (polite form): every string of every element, compiled from `ja.json`. `registerTranslations(ja)`; `locale="ja"` or `ja-JP` selects it. */
export const ja: DozorTranslation<DozorStrings> = compileTranslation('ja', messages satisfies Catalogue<DozorStrings>);

export default ja;
