import { css } from 'lit';

/**
 * The design tokens. Public `--dozor-*` properties (set them on the element, the provider or any
 * ancestor) feed private `--_*` ones, whose defaults follow `data-scheme` (light / dark), set by
 * the ThemeController. Colors meet WCAG AA contrast on their surfaces in both schemes.
 */
export const tokens = css`
  :host {
    --_surface: var(--dozor-surface, #ffffff);
    --_surface-raised: var(--dozor-surface-raised, #f7f8fa);
    --_surface-sunken: var(--dozor-surface-sunken, #eef0f3);
    --_text: var(--dozor-text, #16181d);
    --_muted: var(--dozor-muted, #5b6270);
    --_border: var(--dozor-border, #d9dde3);
    --_accent: var(--dozor-accent, #4f46e5);
    --_accent-text: var(--dozor-accent-text, #ffffff);
    --_accent-soft: var(--dozor-accent-soft, #eef0ff);
    --_focus-ring: var(--dozor-focus-ring, #4f46e5);
    --_danger: var(--dozor-danger, #b42318);
    --_danger-soft: var(--dozor-danger-soft, #fef3f2);
    --_status-online: var(--dozor-status-online, #067647);
    --_status-active: var(--dozor-status-active, #175cd3);
    --_status-idle: var(--dozor-status-idle, #b54708);
    --_status-dormant: var(--dozor-status-dormant, #667085);
    --_status-online-dot: var(--dozor-status-online-dot, #12b76a);
    --_status-active-dot: var(--dozor-status-active-dot, #2e90fa);
    --_status-idle-dot: var(--dozor-status-idle-dot, #f79009);
    --_status-dormant-dot: var(--dozor-status-dormant-dot, #98a2b3);
    --_skeleton: var(--dozor-skeleton, #e8ebef);
    --_chart-bar: var(--dozor-chart-bar, #6366f1);
    --_chart-empty: var(--dozor-chart-empty, #e4e7ec);
    --_radius: var(--dozor-radius, 8px);
    --_radius-small: var(--dozor-radius-small, 4px);
    --_font: var(--dozor-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-mono: var(--dozor-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_font-size: var(--dozor-font-size, 14px);
    --_space: var(--dozor-space, 8px);
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  :host([data-scheme='dark']) {
    --_surface: var(--dozor-surface, #14161b);
    --_surface-raised: var(--dozor-surface-raised, #1b1e24);
    --_surface-sunken: var(--dozor-surface-sunken, #0f1115);
    --_text: var(--dozor-text, #eceef2);
    --_muted: var(--dozor-muted, #a3aab8);
    --_border: var(--dozor-border, #2f343d);
    --_accent: var(--dozor-accent, #a5b4fc);
    --_accent-text: var(--dozor-accent-text, #14161b);
    --_accent-soft: var(--dozor-accent-soft, #262a45);
    --_focus-ring: var(--dozor-focus-ring, #a5b4fc);
    --_danger: var(--dozor-danger, #fda29b);
    --_danger-soft: var(--dozor-danger-soft, #3b1d1b);
    --_status-online: var(--dozor-status-online, #47cd89);
    --_status-active: var(--dozor-status-active, #84caff);
    --_status-idle: var(--dozor-status-idle, #fdb022);
    --_status-dormant: var(--dozor-status-dormant, #a3aab8);
    --_skeleton: var(--dozor-skeleton, #2a2e36);
    --_chart-bar: var(--dozor-chart-bar, #818cf8);
    --_chart-empty: var(--dozor-chart-empty, #2a2e36);
    color-scheme: dark;
  }
`;

/** What every element shares: box sizing, `[hidden]`, focus ring, reduced motion, utility classes. */
/** The box of a control (text field, select, button), put inside a rule: `select { ${controlBox} }`. */
export const controlBox = css`
  border: 1px solid var(--_border);
  border-radius: var(--_radius-small);
  background: var(--_surface);
  color: var(--_text);
  font: inherit;
`;

/** The raised pill of a short label (the profile's badges, the editor's trait-key chips), put inside a rule. */
export const pillBox = css`
  padding: 2px 8px;
  border: 1px solid var(--_border);
  border-radius: 999px;
  background: var(--_surface-raised);
  font-size: 0.85em;
`;

/**
 * A row with its items at its two ends (a title and its meta, a banner's text and its button), wrapping
 * under each other when the row is too narrow; put inside a rule.
 */
export const spreadRow = css`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: var(--_space);
`;

/**
 * The small outlined mark beside a name or a page (the journey's Entry / Exit, the list's "Traits cut"),
 * put inside a rule; its border takes the rule's `color` unless the rule sets `border-color`.
 */
export const markBox = css`
  flex: none;
  padding: 0 5px;
  border: 1px solid;
  border-radius: var(--_radius-small);
  font-size: 0.75em;
`;

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .mono {
    font-family: var(--_font-mono);
  }
  /* Pathnames, ids and keys read left to right on a right-to-left page too ("/pricing", not "pricing/"),
     where the page puts them; text the users wrote (names, emails) takes the direction of its own letters. */
  .mono,
  .path,
  .middle-truncated {
    direction: ltr;
    unicode-bidi: isolate;
  }
  /* Either keeps the page's alignment, not its own direction's. */
  :host(:dir(ltr)) [dir='auto'] {
    text-align: left;
  }
  :host(:dir(rtl)) :is([dir='auto'], .mono, .path, .middle-truncated) {
    text-align: right;
  }
  .skeleton {
    display: inline-block;
    min-height: 1em;
    border-radius: var(--_radius-small);
    background: var(--_skeleton);
    animation: dozor-pulse 1.4s ease-in-out infinite;
  }
  @keyframes dozor-pulse {
    50% {
      opacity: 0.45;
    }
  }
  button {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 12px;
    ${controlBox}
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-raised);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .button.small {
    min-height: 26px;
    padding: 2px 8px;
    font-size: 0.85em;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  /* Stays a filled accent under the pointer (the plain hover surface would hide its accent-colored text). */
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  .error-state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_text);
  }
  .error-state strong {
    color: var(--_danger);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
