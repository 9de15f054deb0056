import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DozorStrings } from './strings.js';

/**
 * Strings for one locale. The shipped ones (`dozor-elements/locales/de`, …) translate every key; a
 * host's own may translate a subset, the rest stays English.
 */
export interface DozorTranslation<Strings extends Partial<DozorStrings> = Partial<DozorStrings>> {
  /** A BCP 47 tag: `de` serves `de-DE` and `de-CH` too, unless a `de-CH` translation is registered. */
  locale: string;
  strings: Strings;
}

const registry = new Map<string, Partial<DozorStrings>>();
const listeners = new Set<() => void>();

/**
 * Makes translations available to every element: each picks the one for its resolved `locale`.
 * Throws a RangeError (and registers none) when a tag is not valid BCP 47.
 */
export function registerTranslations(...translations: DozorTranslation[]): void {
  const tags = translations.map((translation) => Intl.getCanonicalLocales(translation.locale)[0]!.toLowerCase());
  translations.forEach((translation, i) => registry.set(tags[i]!, translation.strings));
  for (const listener of listeners) listener();
}

/** The registered strings for `locale`: the exact tag, else each shorter prefix (`zh-Hant-TW` → `zh-Hant` → `zh`). */
export function translationFor(locale: string): Partial<DozorStrings> | undefined {
  const subtags = locale.toLowerCase().split('-');
  for (let length = subtags.length; length > 0; length--) {
    const found = registry.get(subtags.slice(0, length).join('-'));
    if (found) return found;
  }
  return undefined;
}

/** Re-renders its element after each registration, so a translation registered late still shows. */
export class TranslationUpdates implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.update);
  }

  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}
