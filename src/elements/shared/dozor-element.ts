import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { DEFAULT_LOCALE, localeNumbers, STATUS_THRESHOLDS, type LocaleNumbers, type StatusThresholds } from '../../core/index.js';
import type { DozorBackend, Role } from '../../backend/index.js';
import { dozorConfigContext, DEFAULT_REFRESH_INTERVAL_MS, type DozorConfig, type ThemeSetting } from './context.js';
import { COMMON_STRINGS, type DozorStrings } from './strings.js';
import { ThemeController } from './theme-controller.js';
import { TranslationUpdates, translationFor } from './translations.js';

/** What a shared controller reads of its element's resolved configuration, when it needs it. */
export interface ResolvedSource {
  backend: () => DozorBackend | undefined;
  refreshIntervalMs: () => number;
}

/**
 * Base of every public element: reads the shared configuration from `<dozor-provider>` and lets
 * the element's own properties override it, so each element also works alone.
 */
export class DozorElement extends LitElement {
  /** The data source; overrides the provider's. */
  @property({ attribute: false }) backend: DozorBackend | undefined;

  /** BCP 47 locale for numbers, dates and relative times; else the provider's, else `<html lang>`, else `en`. */
  @property({ reflect: false }) locale: string | undefined;

  /** `light`, `dark` or `auto` (follow the host page and `prefers-color-scheme`). */
  @property({ reflect: true }) theme: ThemeSetting | undefined;

  /** Replacement strings (any subset), merged over the provider's and the English defaults. */
  @property({ attribute: false }) strings: Partial<DozorStrings> | undefined;

  @consume({ context: dozorConfigContext, subscribe: true })
  @state()
  protected config: DozorConfig | undefined;

  protected readonly themeController = new ThemeController(this, () => this.theme ?? this.config?.theme ?? 'auto');

  private readonly translationUpdates = new TranslationUpdates(this);

  protected get resolvedBackend(): DozorBackend | undefined {
    return this.backend ?? this.config?.backend;
  }

  protected get resolvedLocale(): string {
    return this.locale || this.config?.locale || this.closestLang() || DEFAULT_LOCALE;
  }

  /** Number formatting and plural selection in the resolved locale, handed to every string with a count. */
  protected get numbers(): LocaleNumbers {
    return localeNumbers(this.resolvedLocale);
  }

  protected get resolvedRole(): Role {
    return this.config?.role ?? 'VIEWER';
  }

  protected get resolvedThresholds(): StatusThresholds {
    return this.config?.thresholds ?? STATUS_THRESHOLDS;
  }

  protected get refreshIntervalMs(): number {
    return this.config?.refreshInterval ?? DEFAULT_REFRESH_INTERVAL_MS;
  }

  /** The resolved backend and refresh interval as callbacks, for a shared controller (`StandaloneFetch`). */
  protected readonly resolved: ResolvedSource = {
    backend: () => this.resolvedBackend,
    refreshIntervalMs: () => this.refreshIntervalMs,
  };

  /**
   * English defaults first, then the registered translation for the resolved locale, then the
   * provider's strings, then this element's own overrides.
   */
  protected resolveStrings<T extends object>(defaults: T): T & typeof COMMON_STRINGS {
    const translation = translationFor(this.resolvedLocale);
    const provided = this.config?.strings;
    const own = this.strings;
    // The same inputs give the same object, so a render can tell "the strings changed" by identity.
    const last = this.resolvedStrings.get(defaults);
    if (last && last.translation === translation && last.provided === provided && last.own === own)
      return last.merged as T & typeof COMMON_STRINGS;
    const merged = { ...COMMON_STRINGS, ...defaults, ...translation, ...provided, ...own };
    this.resolvedStrings.set(defaults, { translation, provided, own, merged });
    return merged;
  }
  private readonly resolvedStrings = new WeakMap<object, { translation: unknown; provided: unknown; own: unknown; merged: object }>();

  /**
   * The configuration as this element resolved it (its own properties over the provider's), which a
   * composite re-provides to the elements it renders through `SubtreeConfig`. The same inputs give
   * the same object, so children only update when something really changed.
   */
  protected get subtreeConfig(): DozorConfig {
    const config = this.config;
    const own = this.strings;
    const inherited = config?.strings;
    const next: DozorConfig = {
      ...config,
      backend: this.resolvedBackend,
      locale: this.locale || config?.locale || this.closestLang(),
      theme: this.theme ?? config?.theme,
      strings:
        this.lastSubtree && this.lastSubtree.own === own && this.lastSubtree.inherited === inherited
          ? this.lastSubtree.config.strings
          : own && inherited
            ? { ...inherited, ...own }
            : (own ?? inherited),
    };
    const last = this.lastSubtree?.config;
    if (last && sameEntries(last, next)) return last;
    this.lastSubtree = { config: next, own, inherited };
    return next;
  }
  private lastSubtree: { config: DozorConfig; own: unknown; inherited: unknown } | undefined;

  /** Fills a link template (`/users/{id}`) with the URL-encoded id; only http(s) or relative results survive. */
  protected hrefFromTemplate(template: string | undefined, id: string): string | undefined {
    if (!template) return undefined;
    return safeHref(template.replaceAll('{id}', encodeURIComponent(id)));
  }

  /** Dispatches a `dozor-*` event that bubbles out of shadow roots; returns false when a listener cancelled it. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    type: K,
    detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
    init: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false }));
  }

  /**
   * A plain click on one of the element's links fires `type` first, cancelable so that the host can
   * route itself; a modified or middle click (new tab, new window) is left to the browser.
   */
  protected emitFromLinkClick<K extends keyof GlobalEventHandlersEventMap>(
    event: MouseEvent,
    type: K,
    detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!this.emit(type, detail, { cancelable: true })) event.preventDefault();
  }

  private closestLang(): string | undefined {
    const owner = this.closest('[lang]');
    return owner?.getAttribute('lang') || document.documentElement.lang || undefined;
  }
}

function sameEntries(a: DozorConfig, b: DozorConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof DozorConfig)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Returns the URL when it is http(s) or same-origin relative, else undefined, so that untrusted
 * input can never become a `javascript:` (or any other scheme) link.
 */
export function safeHref(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  try {
    const url = new URL(trimmed, document.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return trimmed;
  } catch {
    return undefined;
  }
}
