import { html, nothing, type TemplateResult } from 'lit';
import { clipText } from '../../core/index.js';

/** The three editable values, in resolver order. */
export type EditableField = 'customName' | 'traitKey' | 'projectTraitKey';
export type FieldValues = Record<EditableField, string>;

/** The editor sections' English strings (spread into `DISPLAY_NAME_EDITOR_STRINGS`); their type is `DisplayNameSectionStrings`. */
export const DISPLAY_NAME_SECTION_STRINGS = {
  customNameLabel: 'Custom name',
  customNameHelp: 'Literal display name for this user. Wins over everything else.',
  customNamePlaceholder: 'e.g. Alice Johnson',
  traitKeyLabel: 'Trait key (this user)',
  traitKeyHelp: "Pick a key from this user's traits. Their display name will be the value of traits[key].",
  traitKeyPlaceholder: 'e.g. email',
  traitKeyAvailable: 'Available:',
  /** Accessible name of a trait-key chip. */
  traitKeyUse: (key: string) => `Use trait key ${key}`,
  projectTraitKeyLabel: 'Trait key (project default)',
  projectTraitKeyHelp: (projectName: string) =>
    `Applies to every user in ${projectName} that has no local override. Pick a key most users carry (e.g. email).`,
  projectTraitKeyPlaceholder: 'e.g. email',
  displayNameSet: 'Set',
  displayNameReset: 'Reset',
};

/** The editor sections' strings (every key of their English table). */
export type DisplayNameSectionStrings = typeof DISPLAY_NAME_SECTION_STRINGS;

/** What the sections read of the editor, and how they talk back to it. */
export interface DisplayNameSectionsView {
  s: DisplayNameSectionStrings;
  /** What the backend holds (with the values it accepted since); Set and Reset compare with it. */
  server: FieldValues;
  drafts: FieldValues;
  maxLength: Readonly<Record<EditableField, number>>;
  errors: Partial<Record<EditableField, string>>;
  pending: EditableField | undefined;
  /** Which sections the backend lets the viewer edit. */
  editsDisplayName: boolean;
  editsProjectTraitKey: boolean;
  projectName: string;
  /** Trait keys offered as chips. */
  traitKeys: readonly string[];
  onInput: (field: EditableField, value: string) => void;
  onSubmit: (event: Event, field: EditableField, canSet: boolean) => void;
  onReset: (field: EditableField) => void;
  onUseTraitKey: (key: string) => void;
}

/** The custom name, the user's trait key (with chips) and the project's default trait key, as editable. */
export function renderDisplayNameSections(view: DisplayNameSectionsView): TemplateResult {
  const { s } = view;
  const chips =
    view.traitKeys.length === 0
      ? nothing
      : html`<div class="chips">
          <span class="help">${s.traitKeyAvailable}</span>
          ${view.traitKeys.map(
            (key) => html`<button
              class="chip mono"
              part="chip"
              type="button"
              aria-label=${s.traitKeyUse(key)}
              ?disabled=${view.pending !== undefined}
              @click=${() => view.onUseTraitKey(key)}
            >
              ${key}
            </button>`,
          )}
        </div>`;
  return html`${
    view.editsDisplayName
      ? html`${renderSection(view, 'customName', s.customNameLabel, s.customNameHelp, s.customNamePlaceholder)}
      ${renderSection(view, 'traitKey', s.traitKeyLabel, s.traitKeyHelp, s.traitKeyPlaceholder, chips)}`
      : nothing
  }
  ${
    view.editsProjectTraitKey
      ? renderSection(
          view,
          'projectTraitKey',
          s.projectTraitKeyLabel,
          s.projectTraitKeyHelp(clipText(view.projectName)),
          s.projectTraitKeyPlaceholder,
        )
      : nothing
  }`;
}

function renderSection(
  view: DisplayNameSectionsView,
  field: EditableField,
  label: string,
  help: string,
  placeholder: string,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const { s, server, pending } = view;
  const draft = view.drafts[field];
  const trimmed = draft.trim();
  const busy = pending !== undefined;
  const canSet = !busy && trimmed.length > 0 && trimmed !== server[field];
  const canReset = !busy && server[field].length > 0;
  const error = view.errors[field];
  const describedBy = error ? `${field}-help ${field}-error` : `${field}-help`;
  return html`<section part="section" class="section" aria-labelledby="${field}-label" aria-busy=${pending === field ? 'true' : 'false'}>
    <form @submit=${(event: Event) => view.onSubmit(event, field, canSet)}>
      <label id="${field}-label" class="label" for="${field}-input">${label}</label>
      <p id="${field}-help" class="help">${help}</p>
      <div class="row">
        <input
          id="${field}-input"
          part="input"
          class="input ${field === 'customName' ? '' : 'mono'}"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength=${view.maxLength[field]}
          placeholder=${placeholder}
          .value=${draft}
          ?disabled=${busy}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(event: Event) => view.onInput(field, (event.target as HTMLInputElement).value)}
        />
        <button class="button primary" part="button set-button" type="submit" ?disabled=${!canSet}>${s.displayNameSet}</button>
        <button class="button ghost" part="button reset-button" type="button" ?disabled=${!canReset} @click=${() => view.onReset(field)}>
          ${s.displayNameReset}
        </button>
      </div>
      ${error ? html`<p id="${field}-error" class="error" part="error" role="alert">${error}</p>` : nothing}
      ${extra}
    </form>
  </section>`;
}
