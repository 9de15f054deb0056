import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ThemeSetting } from './context.js';

export type ColorScheme = 'light' | 'dark';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Resolves the element's color scheme and reflects it as `data-scheme` on the host, where the
 * tokens switch. `auto` follows the host page (a `dark` class, `data-theme`/`data-color-scheme`
 * or `color-scheme` on `<html>`/`<body>`) and then `prefers-color-scheme`. Canvas charts listen
 * through `onChange` because they cannot restyle themselves from CSS.
 */
export class ThemeController implements ReactiveController {
  private scheme: ColorScheme = 'light';
  private readonly listeners = new Set<(scheme: ColorScheme) => void>();
  private media: MediaQueryList | undefined;
  private observer: MutationObserver | undefined;
  private readonly update = () => this.apply();

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
    this.media = darkQuery();
    this.media.addEventListener('change', this.update);
    this.observer = new MutationObserver(this.update);
    for (const root of [document.documentElement, document.body]) {
      if (root) this.observer.observe(root, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme', 'style'] });
    }
    this.apply();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.update);
    this.observer?.disconnect();
  }

  hostUpdated(): void {
    this.apply();
  }

  private apply(): void {
    const next = this.resolve();
    if (this.host.getAttribute('data-scheme') !== next) this.host.setAttribute('data-scheme', next);
    if (next === this.scheme) return;
    this.scheme = next;
    for (const listener of this.listeners) listener(next);
  }

  private resolve(): ColorScheme {
    const setting = this.setting();
    if (setting === 'light' || setting === 'dark') return setting;
    const fromPage = pageScheme();
    if (fromPage) return fromPage;
    return (this.media ?? darkQuery()).matches ? 'dark' : 'light';
  }
}

function pageScheme(): ColorScheme | undefined {
  for (const root of [document.body, document.documentElement]) {
    if (!root) continue;
    if (root.classList.contains('dark')) return 'dark';
    if (root.classList.contains('light')) return 'light';
    const declared = root.dataset['theme'] ?? root.dataset['colorScheme'] ?? root.style.colorScheme;
    if (declared === 'dark' || declared === 'light') return declared;
  }
  return undefined;
}
