import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeSetting } from './context.js';

export type ColorScheme = 'light' | 'dark';

/**
 * The page's colour scheme, watched once per page however many elements there are: one
 * `MutationObserver` on `<html>`/`<body>` and one `prefers-color-scheme` listener, created for the
 * first subscriber and dropped with the last.
 */
const pageSchemeListeners = new Set<() => void>();
let darkMedia: MediaQueryList | undefined;
let pageObserver: MutationObserver | undefined;

/** The page's scheme while it is watched (read again after each change): every update of every element asks for it. */
let watchedScheme: ColorScheme | undefined;

const notifyPageSchemeListeners = () => {
  watchedScheme = undefined;
  for (const listener of pageSchemeListeners) listener();
};

function watchPageScheme(listener: () => void): () => void {
  pageSchemeListeners.add(listener);
  if (pageSchemeListeners.size === 1) {
    darkMedia = window.matchMedia('(prefers-color-scheme: dark)');
    darkMedia.addEventListener('change', notifyPageSchemeListeners);
    pageObserver = new MutationObserver(notifyPageSchemeListeners);
    for (const root of [document.documentElement, document.body]) {
      if (root) pageObserver.observe(root, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme', 'style'] });
    }
  }
  return () => {
    if (!pageSchemeListeners.delete(listener) || pageSchemeListeners.size > 0) return;
    darkMedia?.removeEventListener('change', notifyPageSchemeListeners);
    pageObserver?.disconnect();
    darkMedia = undefined;
    pageObserver = undefined;
    watchedScheme = undefined;
  };
}

/** `auto`: the host page's declaration (a `dark` class, `data-theme`/`data-color-scheme`, `color-scheme`), else the OS. */
function pageScheme(): ColorScheme {
  if (watchedScheme) return watchedScheme;
  const scheme = readPageScheme();
  if (pageSchemeListeners.size > 0) watchedScheme = scheme;
  return scheme;
}

function readPageScheme(): ColorScheme {
  for (const root of [document.body, document.documentElement]) {
    if (!root) continue;
    if (root.classList.contains('dark')) return 'dark';
    if (root.classList.contains('light')) return 'light';
    const declared = root.dataset['theme'] ?? root.dataset['colorScheme'] ?? root.style.colorScheme;
    if (declared === 'dark' || declared === 'light') return declared;
  }
  return (darkMedia ?? window.matchMedia('(prefers-color-scheme: dark)')).matches ? 'dark' : 'light';
}

/**
 * Resolves the element's color scheme and reflects it as `data-scheme` on the host, where the
 * tokens switch. Canvas charts listen through `onChange` because they cannot restyle themselves
 * from CSS.
 */
export class ThemeController implements ReactiveController {
  private scheme: ColorScheme = 'light';
  private readonly listeners = new Set<(scheme: ColorScheme) => void>();
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly setting: () => ThemeSetting,
  ) {
    host.addController(this);
  }

  get current(): ColorScheme {
    return this.scheme;
  }

  onChange(listener: (scheme: ColorScheme) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hostConnected(): void {
    this.unwatch = watchPageScheme(() => this.apply());
    this.apply();
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdated(): void {
    this.apply();
  }

  private apply(): void {
    const setting = this.setting();
    const next = setting === 'light' || setting === 'dark' ? setting : pageScheme();
    if (this.host.getAttribute('data-scheme') !== next) this.host.setAttribute('data-scheme', next);
    if (next === this.scheme) return;
    this.scheme = next;
    for (const listener of this.listeners) listener(next);
  }
}
