import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { boundedJson, clipText, type LocaleNumbers } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles } from '../shared/block-styles.js';
import { CopyFeedback } from '../shared/copy-feedback.js';

/** The traits inspector's English strings; their type is `TraitsInspectorStrings`. */
export const TRAITS_INSPECTOR_STRINGS = {
  traitsTitle: 'Traits',
  /** The header's number of keys. */
  traitsKeyCount: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# key', other: '# keys' }),
  traitsShowAll: (count: number, n: LocaleNumbers) => `Show all (${n.number(count)})`,
  traitsShowJson: 'Show JSON',
  traitsJsonLabel: 'Traits JSON',
  traitsHideJson: 'Hide JSON',
  traitsCopyJson: 'Copy JSON',
  traitsCopied: 'Copied',
  traitsCopySucceeded: 'Copied traits JSON to clipboard',
  traitsCopyFailed: 'Failed to copy to clipboard',
  /** Under the JSON when it was shortened for display. */
  traitsTruncated: 'Truncated: long values and large or deep objects are shortened here; Copy JSON copies them whole.',
};

/** The traits inspector's strings (every key of its English table). */
export type TraitsInspectorStrings = typeof TRAITS_INSPECTOR_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends TraitsInspectorStrings {}
}

/** Keys shown first, in this order (reference §3.6); the others follow in object order. */
export const PRIORITY_TRAIT_KEYS: readonly string[] = Object.freeze(['email', 'name', 'displayName', 'plan', 'role', 'company', 'country']);
/** How many rows the inline list shows. */
export const INLINE_TRAIT_ROWS = 4;

/** Priority keys first, then the remaining keys in object order. */
export function orderTraitKeys(traits: Record<string, unknown>): string[] {
  const keys = Object.keys(traits);
  const priority = PRIORITY_TRAIT_KEYS.filter((key) => Object.hasOwn(traits, key));
  return [...priority, ...keys.filter((key) => !PRIORITY_TRAIT_KEYS.includes(key))];
}

/**
 * The inline text of a trait value, at most `MAX_TEXT_SHOWN` characters: null → "null", strings as
 * is, numbers / booleans via String, else compact JSON of a bounded part of the value.
 */
export function formatTraitValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return clipText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only a primitive gets here (objects take the JSON line below)
  if (typeof value !== 'object') return clipText(String(value));
  return clipText(boundedJson(value, undefined, 0).text);
}

/**
 * The traits an SDK shipped with `identify()`: up to four rows inline (priority keys first), the
 * pretty JSON behind a toggle, and a copy button. Renders nothing when there are no traits.
 * Every key and value is shown as text.
 *
 * @tagname dozor-traits-inspector
 * @summary Traits JSON inspector.
 * @csspart card - the card.
 * @csspart key - a trait key.
 * @csspart value - a trait value.
 * @csspart button - the toggle and copy buttons.
 * @csspart json - the pretty JSON.
 * @csspart truncated - the note under the JSON when it was shortened.
 * @cssprop --dozor-surface - the card background.
 * @cssprop --dozor-font-mono - keys, values and JSON.
 */
export class DozorTraitsInspector extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    cardStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(6em, max-content) minmax(0, 1fr);
        gap: 4px calc(var(--_space) * 2);
        margin: 0;
      }
      dt,
      dd {
        margin: 0;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        font-family: var(--_font-mono);
        font-size: 0.9em;
      }
      dt {
        color: var(--_muted);
        max-width: 16em;
      }
      .actions {
        display: flex;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 1.5);
      }
      pre {
        margin: var(--_space) 0 0;
        max-height: 20rem;
        overflow: auto;
        padding: var(--_space);
        border-radius: var(--_radius-small);
        background: var(--_surface-sunken);
        font-family: var(--_font-mono);
        font-size: 0.85em;
        white-space: pre;
      }
    `,
  ];

  /** The user's traits (untrusted JSON); null or `{}` renders nothing. */
  @property({ attribute: false }) traits: Record<string, unknown> | null | undefined;

  @state() private open = false;
  private readonly copyFeedback = new CopyFeedback(this);
  private readonly jsonId = 'traits-json';

  override render() {
    const traits = this.traits;
    if (!traits || Object.keys(traits).length === 0) return nothing;
    const s = this.resolveStrings(TRAITS_INSPECTOR_STRINGS);
    const keys = orderTraitKeys(traits);
    const count = keys.length;
    const toggleLabel = this.open ? s.traitsHideJson : count > INLINE_TRAIT_ROWS ? s.traitsShowAll(count, this.numbers) : s.traitsShowJson;
    return html`<section class="card" part="card" aria-labelledby="traits-title">
      <div class="head">
        <h2 id="traits-title">${s.traitsTitle}</h2>
        <span class="meta count">${s.traitsKeyCount(count, this.numbers)}</span>
      </div>
      <dl>
        ${keys.slice(0, INLINE_TRAIT_ROWS).map((key) => {
          const value = formatTraitValue(traits[key]);
          const shownKey = clipText(key);
          return html`<dt part="key" title=${shownKey} dir="auto">${shownKey}</dt>
            <dd part="value" title=${value} dir="auto">${value}</dd>`;
        })}
      </dl>
      <div class="actions">
        <button class="button" part="button" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${this.jsonId} @click=${this.toggle}>
          ${toggleLabel}
        </button>
        <button class="button" part="button" type="button" @click=${this.copy}>${this.copyFeedback.copied ? s.traitsCopied : s.traitsCopyJson}</button>
      </div>
      ${this.renderJson(traits, s)}
      <span class="visually-hidden" role="status">${this.copyFeedback.announcement}</span>
    </section>`;
  }

  private renderJson(traits: Record<string, unknown>, s: TraitsInspectorStrings) {
    const json = this.open ? boundedJson(traits) : undefined;
    return html`<pre id=${this.jsonId} part="json" dir="ltr" tabindex="0" role="region" aria-label=${s.traitsJsonLabel} ?hidden=${!this.open}>${json?.text ?? ''}</pre>
      ${json?.truncated ? html`<p class="meta" part="truncated">${s.traitsTruncated}</p>` : nothing}`;
  }

  private toggle(): void {
    this.open = !this.open;
  }

  private async copy(): Promise<void> {
    const traits = this.traits;
    if (!traits) return;
    const s = this.resolveStrings(TRAITS_INSPECTOR_STRINGS);
    await this.copyFeedback.copy(prettyJson(traits), s.traitsCopySucceeded, s.traitsCopyFailed);
  }
}

function prettyJson(traits: Record<string, unknown>): string {
  try {
    return JSON.stringify(traits, null, 2);
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- traits JSON cannot encode (a cycle, a BigInt) are never a backend's answer
    return String(traits);
  }
}
