import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { type ActivityRange, clipText, formatDate, formatRelative, isActivityRange, type LocaleNumbers } from '../../core/index.js';
import type { TrackedUserDetail } from '../../backend/index.js';
import { DozorElement, safeHref } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { CopyFeedback } from '../shared/copy-feedback.js';
import type { TaskState } from '../shared/backend-task.js';
import { UrlState } from '../shared/url-state.js';
import { renderErrorState } from '../shared/error-view.js';
import { renderAvatar } from '../shared/avatar.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles } from '../shared/block-styles.js';
import type { DozorDisplayNameEditor } from '../display-name-editor/display-name-editor.js';
import { profileStyles } from './user-profile.styles.js';
import { ProfileData } from './profile-data.js';
import { PROFILE_STATS_STRINGS, renderProfileStats } from './profile-stats.js';
import { ADJACENT_USERS_STRINGS, AdjacentUsers } from './adjacent-users.js';
import { ListChannelController } from '../shared/list-channel.js';
import { listQueryFromParams } from '../shared/list-url.js';

/** The profile's English strings, the stat cards' and the previous / next ones included; their type is `UserProfileStrings`. */
export const USER_PROFILE_STRINGS = {
  ...PROFILE_STATS_STRINGS,
  ...ADJACENT_USERS_STRINGS,
  profileNotFoundTitle: 'User not found',
  profileNotFoundDescription: "This tracked user may have been deleted, or you don't have access to the project that owns it.",
  /** When the backend answered "no permission" rather than "not found". */
  profileNoAccessTitle: 'No access to this user',
  profileNoAccessDescription: "You don't have permission to see this tracked user. Ask for access to its project, then try again.",
  profileBack: 'Back to users',
  profileTrackedUserId: 'Tracked user · ID',
  profileCopyId: 'Copy ID',
  profileCopied: 'Copied',
  profileCopyIdSucceeded: 'Copied the ID to the clipboard',
  profileCopyFailed: 'Failed to copy to clipboard',
  profileEditName: 'Edit display name',
  profileOnlineNow: 'Online now',
  /** "Last seen {relative}"; `relative` is already localized. */
  profileLastSeen: (relative: string) => `Last seen ${relative}`,
  profileNeverSeen: 'No counted session yet',
  /** When the profile was created (its first event, counted session or not). */
  profileFirstSeen: (date: string) => `Tracked since ${date}`,
  profileSessionCount: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# session', other: '# sessions' }),
  profileProjectLabel: 'Project',
  identityLabels: { identified: 'Identified', anonymous: 'Anonymous' } satisfies Record<'identified' | 'anonymous', string>,
  profileLoading: 'Loading user…',
};

// The blocks' tables first: the published types then keep their keys' comments (a spread drops them).
/** Every string of the profile (every key of its English table). */
export type UserProfileStrings = typeof PROFILE_STATS_STRINGS & typeof ADJACENT_USERS_STRINGS & typeof USER_PROFILE_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends UserProfileStrings {}
}

type Strings = UserProfileStrings & CommonStrings;

const RANGE_PARAM = 'range';

/**
 * The tracked user's page: range selector and last-updated indicator, header (avatar, name,
 * identifiers, online indicator, project, first seen, sessions, tags), traits, stats, activity
 * chart, page distribution, sessions timeline and sessions table. Every request for a range starts
 * at once; a range, user or backend change aborts the ones in flight. OWNER and ADMIN can edit the
 * display name.
 *
 * @tagname dozor-user-profile
 * @summary Tracked-user profile.
 * @fires dozor-range-change - {range} when the user picks another range (from the range selector).
 * @fires dozor-display-name-change - {userId, update, displayName} after a rename (from the editor).
 * @fires dozor-back - {userId} from "Back to users" in the not-found and no-access states (cancelable when it is a `back-href` link).
 * @fires dozor-user-select - {userId, user} when previous / next (or `[` / `]`) steps to a neighbour in the list's order (cancelable: cancel to route yourself; otherwise the profile shows that user).
 * @fires dozor-error - {error, operation} when a request fails.
 * @csspart adjacent - the previous / next user buttons (with a list order from the URL or the provider, on a backend with `adjacentUser`).
 * @csspart header - the header card.
 * @csspart card - every card of the profile.
 * @csspart stat - each of the six stat cards.
 * @csspart button - the profile's own buttons (edit, copy, back, retry).
 * @csspart online - the online indicator.
 * @csspart badge - the project, first-seen, sessions and identity badges.
 * @cssprop --dozor-surface - card background.
 * @cssprop --dozor-border - card borders.
 * @cssprop --dozor-accent - the display name and selected range.
 * @cssprop --dozor-status-online - the "Online now" label; --dozor-status-online-dot its dot.
 */
export class DozorUserProfile extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, profileStyles];

  /** The tracked user to show. */
  @property({ attribute: 'user-id' }) userId: string | undefined;
  /** The activity range: `6h`, `24h` (default) or `7d`. */
  @property({ reflect: true }) range: ActivityRange = '24h';
  /** Mirror the range into `?range=` of the page URL and restore it from there. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Where "Back to users" leads (the host's users page, http(s) or relative); without it, the button only fires `dozor-back`. */
  @property({ attribute: 'back-href' }) backHref: string | undefined;

  /** The name shown while a rename is pending or until the refetched detail arrives. */
  @state() private nameOverride: string | undefined;

  @query('dozor-display-name-editor') private editor!: DozorDisplayNameEditor | null;

  private readonly data = new ProfileData(this, {
    backend: () => this.resolvedBackend,
    userId: () => this.userId,
    range: () => this.range,
    intervalMs: () => this.refreshIntervalMs,
    // A new detail, or another user: the name it shows is the backend's again.
    onDetail: () => (this.nameOverride = undefined),
    onSubjectChange: () => (this.nameOverride = undefined),
  });
  private readonly url = new UrlState(this, {
    enabled: () => this.syncUrl,
    restore: (params) => {
      const range = params.get(RANGE_PARAM);
      if (isActivityRange(range)) this.range = range;
    },
    write: (params) => params.set(RANGE_PARAM, this.range),
  });
  private readonly channel = new ListChannelController(this, () => this.config?.channel);
  private readonly adjacent = new AdjacentUsers(this, {
    backend: () => this.resolvedBackend,
    userId: () => this.userId,
    // The list's order: in the URL (a list with sync-url links its state along), else from a list under the same provider.
    listQuery: () =>
      (this.syncUrl ? listQueryFromParams(new URLSearchParams(window.location.search)) : undefined) ?? this.channel.channel?.listQuery,
    current: () => {
      const detail = this.data.detail.value;
      return detail?.id === this.userId ? detail : undefined;
    },
    open: (user) => {
      if (this.emit('dozor-user-select', { userId: user.id, user }, { cancelable: true })) this.userId = user.id;
      this.adjacent.announce(this.resolveStrings(USER_PROFILE_STRINGS).adjacentShowing(clipText(user.displayName, 80)));
    },
  });
  private readonly idCopy = new CopyFeedback(this);

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl')) this.url.restore();
    if (!isActivityRange(this.range)) this.range = '24h';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('range') || changed.has('syncUrl')) this.url.write();
  }

  private get blocks() {
    return this.resolvedBackend?.capabilities.blocks;
  }

  /** Refetches every block of this profile (as live refresh, refresh-now and retry do). */
  refresh(): void {
    this.data.refresh();
  }

  private get canEdit(): boolean {
    const role = this.resolvedRole;
    const edits = this.resolvedBackend?.capabilities.edits;
    return (role === 'OWNER' || role === 'ADMIN') && edits !== undefined && (edits.displayName || edits.projectTraitKey);
  }

  override render() {
    const s: Strings = this.resolveStrings(USER_PROFILE_STRINGS);
    const detail = this.data.detail.value;
    const error = this.data.detail.error;
    if (!detail && error && (error.kind === 'not-found' || error.kind === 'permission')) return this.renderUnavailable(error.kind, s);
    if (!detail && error) return html`<div class="stack">${renderErrorState(error, s, this.numbers, () => this.refresh())}</div>`;
    return html`<div class="stack" aria-busy=${detail ? 'false' : 'true'}>
      ${this.renderToolbar(s)}
      ${detail ? this.renderHeader(detail, s) : this.renderHeaderSkeleton(s)}
      ${
        detail && detail.traits && Object.keys(detail.traits).length > 0
          ? html`<dozor-traits-inspector
            .traits=${detail.traits}
          ></dozor-traits-inspector>`
          : nothing
      }
      ${this.blocks?.activity === false ? nothing : renderProfileStats(this.data.activity, this.range, this.resolvedLocale, s)}
      ${this.renderBlocks(s)}
      ${
        detail && this.canEdit
          ? html`<dozor-display-name-editor
            .user=${detail}
            @dozor-display-name-pending=${this.onNamePending}
            @dozor-display-name-change=${this.onNameChange}
          ></dozor-display-name-editor>`
          : nothing
      }
    </div>`;
  }

  /** Not found or no access, as the backend said: both may change (ingest, a granted permission), so retry asks again. */
  private renderUnavailable(kind: 'not-found' | 'permission', s: Strings): TemplateResult {
    const noAccess = kind === 'permission';
    const backHref = safeHref(this.backHref);
    const detail = { userId: this.userId ?? '' };
    return html`<section class="card empty-state" part=${noAccess ? 'card no-access' : 'card not-found'} aria-labelledby="unavailable-title">
      <h2 id="unavailable-title">${noAccess ? s.profileNoAccessTitle : s.profileNotFoundTitle}</h2>
      <p>${noAccess ? s.profileNoAccessDescription : s.profileNotFoundDescription}</p>
      <div class="actions">
        <button class="button" part="button retry-button" type="button" @click=${() => this.refresh()}>${s.retry}</button>
        ${
          backHref
            ? html`<a class="button" part="button back-button" href=${backHref} @click=${(event: MouseEvent) => this.emitFromLinkClick(event, 'dozor-back', detail)}
                >${s.profileBack}</a
              >`
            : html`<button class="button" part="button back-button" type="button" @click=${this.onBack}>${s.profileBack}</button>`
        }
      </div>
    </section>`;
  }

  private renderToolbar(s: Strings): TemplateResult {
    const refreshing = this.data.refreshing;
    const blocks = this.blocks;
    // A range only changes the activity, pages and timeline: without any of them there is nothing to pick.
    const ranged = !blocks || blocks.activity || blocks.pageDistribution || blocks.timeline;
    return html`<div class="toolbar">
      ${
        ranged
          ? html`<dozor-range-selector
        .range=${live(this.range)}
        @dozor-range-change=${this.onRangeChange}
      ></dozor-range-selector>`
          : nothing
      }
      <dozor-last-updated
        .updatedAt=${this.data.activity.updatedAt || this.data.detail.updatedAt}
        .refreshing=${refreshing}
        @dozor-refresh-request=${this.onRefreshRequest}
      ></dozor-last-updated>
      ${this.adjacent.render(s)}
    </div>`;
  }

  private renderHeaderSkeleton(s: Strings): TemplateResult {
    return html`<section class="card header" part="card header" aria-label=${s.profileLoading}>
      <span class="skeleton avatar"></span>
      <div class="identity">
        <span class="skeleton line"></span>
        <span class="skeleton line short"></span>
      </div>
      <span class="visually-hidden" role="status">${s.profileLoading}</span>
    </section>`;
  }

  private renderHeader(detail: TrackedUserDetail, s: Strings): TemplateResult {
    const name = clipText(this.nameOverride ?? detail.displayName);
    const externalId = clipText(detail.externalId);
    const projectName = clipText(detail.projectName);
    const locale = this.resolvedLocale;
    return html`<section class="card header" part="card header" aria-labelledby="display-name">
      ${guard([detail.projectId, detail.externalId], () => renderAvatar(`${detail.projectId}:${detail.externalId}`, { size: 48 }))}
      <div class="identity">
        <div class="title-row">
          <h2 id="display-name" title=${name} dir="auto">${name}</h2>
          ${
            this.canEdit
              ? html`<button class="button small" part="button edit-button" type="button" @click=${this.openEditor}>${s.profileEditName}</button>`
              : nothing
          }
          ${this.renderOnline(detail, s)}
        </div>
        <div class="id-row">
          <span>${s.profileTrackedUserId}</span>
          <code title=${externalId}>${externalId}</code>
          <button class="button small" part="button copy-button" type="button" aria-label=${this.idCopy.copied ? s.profileCopied : s.profileCopyId} @click=${this.copyId}>
            ${this.idCopy.copied ? s.profileCopied : s.profileCopyId}
          </button>
        </div>
        <div class="meta">
          <span class="badge" part="badge" title=${projectName}>
            <span class="visually-hidden">${s.profileProjectLabel}: </span>${projectName}
          </span>
          <span class="badge" part="badge">${s.profileFirstSeen(formatDate(detail.createdAt, locale))}</span>
          <span class="badge" part="badge">${s.profileSessionCount(detail.sessionCount, this.numbers)}</span>
          ${detail.identity ? html`<span class="badge" part="badge identity">${s.identityLabels[detail.identity]}</span>` : nothing}
        </div>
        ${(this.resolvedBackend?.capabilities.tags.length ?? 0) > 0 && detail.tags && detail.tags.length > 0 ? html`<dozor-user-tags .tags=${detail.tags}></dozor-user-tags>` : nothing}
      </div>
      <span class="visually-hidden" role="status" aria-live="polite">${this.idCopy.announcement}</span>
    </section>`;
  }

  private renderOnline(detail: TrackedUserDetail, s: Strings): TemplateResult {
    const status = this.data.status.value;
    const online = status?.online ?? false;
    const lastEventAt = status?.lastEventAt ?? detail.lastEventAt ?? null;
    return html`<span class="online ${online ? 'is-online' : ''}" part="online" role="status" aria-live="polite">
      <span class="dot" aria-hidden="true"></span>
      ${online ? s.profileOnlineNow : lastEventAt ? s.profileLastSeen(formatRelative(lastEventAt, Date.now(), this.resolvedLocale)) : s.profileNeverSeen}
    </span>`;
  }

  private renderBlocks(s: Strings): TemplateResult {
    const blocks = this.blocks;
    return html`${blocks?.activity === false ? nothing : this.renderChart(s)}
    ${blocks?.pageDistribution === false ? nothing : this.renderPages(s)}
    ${blocks?.timeline === false ? nothing : this.renderTimeline(s)}
    ${blocks?.sessions === false ? nothing : this.renderSessions(s)}`;
  }

  /** A block's own error state (with a retry of its request) when the request failed and there is nothing to show. */
  private blockError(task: TaskState<unknown>, s: Strings): TemplateResult | undefined {
    if (task.value !== undefined || !task.error) return undefined;
    return html`<section class="card" part="card">${renderErrorState(task.error, s, this.numbers, () => void task.run())}</section>`;
  }

  private renderChart(s: Strings): TemplateResult {
    const activity = this.data.activity;
    return this.blockError(activity, s) ?? html`<dozor-activity-chart .data=${activity.value} .range=${this.range}></dozor-activity-chart>`;
  }

  private renderPages(s: Strings): TemplateResult {
    const activity = this.data.activity;
    return (
      this.blockError(activity, s) ??
      html`<dozor-page-distribution .data=${activity.value} .range=${this.range} @dozor-page-limit-change=${this.onPageLimitChange}></dozor-page-distribution>`
    );
  }

  // The user id only with data: without it a block would fetch by itself while the profile loads.
  private renderTimeline(s: Strings): TemplateResult {
    const timeline = this.data.timeline;
    return (
      this.blockError(timeline, s) ??
      html`<dozor-sessions-timeline .data=${timeline.value} .userId=${timeline.value ? this.userId : undefined} .range=${this.range}></dozor-sessions-timeline>`
    );
  }

  private renderSessions(s: Strings): TemplateResult {
    const sessions = this.data.sessions;
    return (
      this.blockError(sessions, s) ??
      html`<dozor-sessions-table .data=${sessions.value} .userId=${sessions.value ? this.userId : undefined}></dozor-sessions-table>`
    );
  }

  private onRangeChange(event: CustomEvent<{ range: ActivityRange }>): void {
    // The event keeps bubbling to the host page; the profile follows it.
    this.range = event.detail.range;
  }

  private onRefreshRequest(event: Event): void {
    event.stopPropagation();
    this.refresh();
  }

  private onPageLimitChange(event: CustomEvent<{ pageLimit: number }>): void {
    event.stopPropagation();
    this.data.setPageLimit(event.detail.pageLimit);
  }

  private openEditor(): void {
    this.editor?.show();
  }

  private onNamePending(event: CustomEvent<{ displayName: string | null }>): void {
    this.nameOverride = event.detail.displayName ?? undefined;
  }

  private onNameChange(event: CustomEvent<{ displayName?: string }>): void {
    if (event.detail.displayName !== undefined) this.nameOverride = event.detail.displayName;
    void this.data.detail.run();
  }

  private onBack(): void {
    this.emit('dozor-back', { userId: this.userId ?? '' });
  }

  private async copyId(): Promise<void> {
    const detail = this.data.detail.value;
    if (!detail) return;
    const s = this.resolveStrings(USER_PROFILE_STRINGS);
    await this.idCopy.copy(detail.externalId, s.profileCopyIdSucceeded, s.profileCopyFailed);
  }
}
