import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { MAX_CUSTOM_NAME_LENGTH, MAX_TRAIT_KEY_LENGTH, MAX_TRAIT_KEYS_SHOWN, clipText, resolveDisplayName } from '../../core/index.js';
import type { DisplayNameUpdate, TrackedUserDetail } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { deepActiveElement } from '../shared/focus.js';
import { BackendTask, toBackendError } from '../shared/backend-task.js';
import { renderErrorState } from '../shared/error-view.js';
import type { DozorDisplayNameChangeDetail } from '../shared/events.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { editorStyles } from './display-name-editor.styles.js';
import { DISPLAY_NAME_SECTION_STRINGS, renderDisplayNameSections, type EditableField, type FieldValues } from './display-name-sections.js';

/** The display-name editor's English strings, its sections' included; their type is `DisplayNameEditorStrings`. */
export const DISPLAY_NAME_EDITOR_STRINGS = {
  ...DISPLAY_NAME_SECTION_STRINGS,
  displayNameTitle: 'Display name',
  displayNameDescription:
    'Choose how this user appears in the dashboard. Entries lower in the list only apply when nothing above them is set.',
  /** The name the user is currently shown as. */
  displayNameShownAs: 'Shown as',
  displayNameClose: 'Close',
  /** The editor's view of the tracked user is loading. */
  displayNameLoading: 'Loading user…',
};

// The blocks' tables first: the published types then keep their keys' comments (a spread drops them).
/** The display-name editor's strings (every key of its English table). */
export type DisplayNameEditorStrings = typeof DISPLAY_NAME_SECTION_STRINGS & typeof DISPLAY_NAME_EDITOR_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends DisplayNameEditorStrings {}
}

/** The three editable values, in resolver order. */
export type DisplayNameField = EditableField;

const FIELDS: readonly DisplayNameField[] = ['customName', 'traitKey', 'projectTraitKey'];
/** Input limits: the ones the backend enforces. */
export const DISPLAY_NAME_MAX_LENGTH: Readonly<Record<DisplayNameField, number>> = Object.freeze({
  customName: MAX_CUSTOM_NAME_LENGTH,
  traitKey: MAX_TRAIT_KEY_LENGTH,
  projectTraitKey: MAX_TRAIT_KEY_LENGTH,
});

/** The values the backend holds, cut to what an input can hold (a hostile answer may send 1 MB). */
function serverValuesOf(user: TrackedUserDetail): FieldValues {
  return {
    customName: (user.customName ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH.customName),
    traitKey: (user.displayNameTraitKey ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH.traitKey),
    projectTraitKey: (user.projectDisplayNameTraitKey ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH.projectTraitKey),
  };
}

/**
 * Trait keys worth offering: their value is neither null nor an empty string (reference §3.4), and the
 * key could be set (no longer than a trait key may be); the first `MAX_TRAIT_KEYS_SHOWN` of them.
 */
export function availableTraitKeys(traits: Record<string, unknown> | null): string[] {
  if (!traits) return [];
  return Object.entries(traits)
    .filter(([key, value]) => key.length <= MAX_TRAIT_KEY_LENGTH && value !== null && value !== undefined && value !== '')
    .slice(0, MAX_TRAIT_KEYS_SHOWN)
    .map(([key]) => key);
}

/**
 * Edits how a tracked user is named: a custom name, a per-user trait key and the project's default
 * trait key, each with Set and Reset. Changes apply optimistically and roll back when the backend
 * refuses them; validation messages show next to their field. Inside a modal `<dialog>` (open it
 * with `show()`), or inline with the `inline` attribute. Renders nothing for a VIEWER.
 *
 * @tagname dozor-display-name-editor
 * @summary Display-name editor.
 * @fires dozor-display-name-pending - {userId, displayName} the optimistic name while a change is pending; `displayName: null` when it was rolled back.
 * @fires dozor-display-name-change - {userId, update, displayName} after the backend accepted a change.
 * @fires dozor-error - {error, operation} when loading the user fails.
 * @csspart dialog - the modal dialog.
 * @csspart section - each of the three sections.
 * @csspart input - each text input.
 * @csspart button - the Set, Reset and Close buttons.
 * @csspart chip - an available trait key.
 * @csspart error - an inline error message.
 * @cssprop --dozor-danger - inline error color.
 * @cssprop --dozor-accent - the Set buttons.
 */
export class DozorDisplayNameEditor extends DozorElement {
  static override styles = [tokens, baseStyles, editorStyles];

  /** The tracked user to load, when `.user` is not given. */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** The tracked user's detail; when set, the editor does not fetch and the host refreshes it. */
  @property({ attribute: false }) user: TrackedUserDetail | undefined;

  /** Render the sections in place instead of in a modal dialog. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** Whether the dialog is open (ignored with `inline`). */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private drafts: FieldValues = { customName: '', traitKey: '', projectTraitKey: '' };
  @state() private pending: DisplayNameField | undefined;
  @state() private errors: Partial<Record<DisplayNameField, string>> = {};
  /** Values the backend accepted, shown until fresh server data arrives. */
  @state() private applied: Partial<FieldValues> = {};
  /** The value of a change in flight. */
  @state() private optimistic: Partial<FieldValues> = {};

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Loads the user when no `.user` is given (and the viewer may edit); another backend or user forgets the old one. */
  private readonly userTask = new BackendTask(this, {
    operation: 'getUser',
    args: () => {
      const backend = this.resolvedBackend;
      return !this.user && this.canEdit && backend && this.userId ? ([backend, this.userId] as const) : undefined;
    },
    task: ([backend, userId], { signal }) => backend.getUser(userId, { signal }),
    keepValue: () => false,
  });
  private syncedUser: TrackedUserDetail | undefined;
  private synced: FieldValues = { customName: '', traitKey: '', projectTraitKey: '' };
  private returnFocus: HTMLElement | undefined;

  /** Opens the dialog; focus returns to the element focused before when it closes. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  private get currentUser(): TrackedUserDetail | undefined {
    return this.user ?? this.userTask.value;
  }

  private get canEdit(): boolean {
    const role = this.resolvedRole;
    return role === 'OWNER' || role === 'ADMIN';
  }

  protected override willUpdate(): void {
    this.syncDrafts();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.inline || !changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Fresh server values replace the inputs (and forget values applied locally). */
  private syncDrafts(): void {
    const user = this.currentUser;
    if (!user) return;
    if (user !== this.syncedUser) {
      this.syncedUser = user;
      this.applied = {};
    }
    const server = this.serverValues(user);
    const drafts = { ...this.drafts };
    let changed = false;
    for (const field of FIELDS) {
      if (server[field] !== this.synced[field]) {
        drafts[field] = server[field];
        changed = true;
      }
    }
    this.synced = server;
    if (changed) this.drafts = drafts;
  }

  private serverValues(user: TrackedUserDetail): FieldValues {
    return { ...serverValuesOf(user), ...this.applied };
  }

  /** The name the user resolves to with the applied and pending values. */
  private predictedName(user: TrackedUserDetail): string {
    const overlay = { ...this.applied, ...this.optimistic };
    if (Object.keys(overlay).length === 0) return user.displayName;
    const values = { ...serverValuesOf(user), ...overlay };
    return resolveDisplayName({
      externalId: user.externalId,
      traits: user.traits,
      customName: values.customName || null,
      displayNameTraitKey: values.traitKey || null,
      projectDefaultTraitKey: values.projectTraitKey || null,
    });
  }

  override render() {
    if (!this.canEdit) return nothing;
    const s = this.resolveStrings(DISPLAY_NAME_EDITOR_STRINGS);
    const body = this.renderBody(s);
    if (this.inline) {
      return html`<div class="panel" role="group" aria-labelledby="title">${this.renderHeading(s)}${body}</div>`;
    }
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="description" @close=${this.onDialogClose}>
      <div class="panel">
        <div class="dialog-head">
          ${this.renderHeading(s)}
          <button class="button" part="button" type="button" @click=${this.close}>${s.displayNameClose}</button>
        </div>
        ${body}
      </div>
    </dialog>`;
  }

  private renderHeading(s: DisplayNameEditorStrings): TemplateResult {
    return html`<h2 id="title">${s.displayNameTitle}</h2>
      <p id="description" class="help">${s.displayNameDescription}</p>`;
  }

  private renderBody(s: DisplayNameEditorStrings & CommonStrings): TemplateResult {
    const user = this.currentUser;
    if (!user) {
      if (this.userTask.status === 'error' && this.userTask.error) {
        return renderErrorState(this.userTask.error, s, this.numbers, () => void this.userTask.run());
      }
      return html`<p class="help" role="status">${s.displayNameLoading}</p>`;
    }
    const edits = this.resolvedBackend?.capabilities.edits;
    // The name comes from untrusted text: the line and its tooltip show a bounded part of it.
    const shownAs = clipText(this.predictedName(user));
    return html`<p class="shown-as">
        <span class="help">${s.displayNameShownAs}</span>
        <strong class="mono" title=${shownAs}>${shownAs}</strong>
      </p>
      ${renderDisplayNameSections({
        s,
        server: this.serverValues(user),
        drafts: this.drafts,
        maxLength: DISPLAY_NAME_MAX_LENGTH,
        errors: this.errors,
        pending: this.pending,
        editsDisplayName: edits?.displayName !== false,
        editsProjectTraitKey: edits?.projectTraitKey !== false,
        projectName: user.projectName,
        traitKeys: availableTraitKeys(user.traits),
        onInput: (field, value) => this.onInput(field, value),
        onSubmit: (event, field, canSet) => this.onSubmit(event, field, canSet),
        onReset: (field) => void this.commit(field, null),
        onUseTraitKey: (key) => this.useTraitKey(key),
      })}`;
  }

  private onInput(field: DisplayNameField, value: string): void {
    this.drafts = { ...this.drafts, [field]: value };
  }

  private onSubmit(event: Event, field: DisplayNameField, canSet: boolean): void {
    event.preventDefault();
    if (canSet) void this.commit(field, this.drafts[field].trim());
  }

  private useTraitKey(key: string): void {
    this.drafts = { ...this.drafts, traitKey: key };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#traitKey-input')?.focus());
  }

  /** Sends one change: optimistic at once, rolled back with the error shown when the backend refuses. */
  private async commit(field: DisplayNameField, value: string | null): Promise<void> {
    const user = this.currentUser;
    const backend = this.resolvedBackend;
    if (!user || !backend || this.pending !== undefined) return;
    const s = this.resolveStrings(DISPLAY_NAME_EDITOR_STRINGS);
    this.pending = field;
    this.errors = { ...this.errors, [field]: undefined };
    this.optimistic = { [field]: value ?? '' };
    this.emit('dozor-display-name-pending', { userId: user.id, displayName: this.predictedName(user) });
    let update: DozorDisplayNameChangeDetail['update'];
    try {
      if (field === 'projectTraitKey') {
        update = { projectId: user.projectId, traitKey: value };
        await backend.updateProjectTraitKey(user.projectId, value);
      } else {
        const change: DisplayNameUpdate = field === 'customName' ? { customName: value } : { traitKey: value };
        update = change;
        await backend.updateDisplayName(user.id, change);
      }
    } catch (raw) {
      const error = toBackendError(raw);
      const message = clipText(
        error.kind === 'validation' ? (error.issues[0]?.message ?? error.message) : `${s.errorTitles[error.kind]}: ${error.message}`,
      );
      this.optimistic = {};
      this.errors = { ...this.errors, [field]: message };
      this.pending = undefined;
      this.emit('dozor-display-name-pending', { userId: user.id, displayName: null });
      return;
    }
    this.applied = { ...this.applied, [field]: value ?? '' };
    this.optimistic = {};
    this.pending = undefined;
    this.emit('dozor-display-name-change', { userId: user.id, update, displayName: this.predictedName(user) });
    if (!this.user && this.userId === user.id) void this.userTask.run();
  }

  private onDialogClose(): void {
    this.open = false;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }
}
