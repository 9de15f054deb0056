import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  PAGE_DISTRIBUTION_INITIAL,
  formatCount,
  formatDate,
  formatDuration,
  formatRelative,
  isActivityRange,
  type ActivityRange,
} from '../../core/index.js';
import type {
  BackendChange,
  DozorBackend,
  Page,
  SessionListItem,
  TrackedUserDetail,
  UserActivity,
  UserOnlineStatus,
  UserTimeline,
} from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { BackendTask } from '../shared/backend-task.js';
import { LiveController } from '../shared/live-controller.js';
import { renderErrorState } from '../shared/error-view.js';
import { renderAvatar } from '../shared/avatar.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles } from '../shared/block-styles.js';
import type { DozorDisplayNameEditor } from '../display-name-editor/display-name-editor.js';
import { profileStyles } from './user-profile.styles.js';

export interface UserProfileStrings {
  profileNotFoundTitle: string;
  profileNotFoundDescription: string;
  profileBack: string;
  profileTrackedUserId: string;
  profileCopyId: string;
  profileCopied: string;
  profileCopyIdSucceeded: string;
  profileCopyFailed: string;
  profileEditName: string;
  profileOnlineNow: string;
  /** "Last seen {relative}"; `relative` is already localized. */
  profileLastSeen: (relative: string) => string;
  profileNeverSeen: string;
  profileFirstSeen: (date: string) => string;
  profileSessionCount: (count: number, formatted: string) => string;
  profileProjectLabel: string;
  identityLabels: Record<'identified' | 'anonymous', string>;
  profileLoading: string;
  statsLabel: string;
  statSessions: string;
  statActiveTime: string;
  statAvgSession: string;
  statEvents: string;
  statUniquePages: string;
  statTopPage: string;
  /** The range as a stat sub-line ("last 24 hours"). */
  statRangeLabels: Record<ActivityRange, string>;
  statAcross: (count: number, formatted: string) => string;
  statNoSessions: string;
  statMostTimeSpent: string;
}

export const USER_PROFILE_STRINGS: UserProfileStrings = {
  profileNotFoundTitle: 'User not found',
  profileNotFoundDescription: "This tracked user may have been deleted, or you don't have access to the project that owns it.",
  profileBack: 'Back to users',
  profileTrackedUserId: 'Tracked user · ID',
  profileCopyId: 'Copy ID',
  profileCopied: 'Copied',
  profileCopyIdSucceeded: 'Copied the ID to the clipboard',
  profileCopyFailed: 'Failed to copy to clipboard',
  profileEditName: 'Edit display name',
  profileOnlineNow: 'Online now',
  profileLastSeen: (relative) => `Last seen ${relative}`,
  profileNeverSeen: 'Never seen',
  profileFirstSeen: (date) => `First seen ${date}`,
  profileSessionCount: (count, formatted) => `${formatted} ${count === 1 ? 'session' : 'sessions'}`,
  profileProjectLabel: 'Project',
  identityLabels: { identified: 'Identified', anonymous: 'Anonymous' },
  profileLoading: 'Loading user…',
  statsLabel: 'Statistics',
  statSessions: 'Sessions',
  statActiveTime: 'Active time',
  statAvgSession: 'Avg session',
  statEvents: 'Events',
  statUniquePages: 'Unique pages',
  statTopPage: 'Top page',
  statRangeLabels: { '6h': 'last 6 hours', '24h': 'last 24 hours', '7d': 'last 7 days' },
  statAcross: (count, formatted) => `across ${formatted} ${count === 1 ? 'session' : 'sessions'}`,
  statNoSessions: 'no sessions',
  statMostTimeSpent: 'most time spent',
};

declare module '../shared/strings.js' {
  interface DozorStrings extends UserProfileStrings {}
}

type Strings = UserProfileStrings & CommonStrings;

const COPIED_FEEDBACK_MS = 1500;
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
 * @fires dozor-back - {userId} from "Back to users" in the not-found state.
 * @fires dozor-error - {error, operation} when a request fails.
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

  /** How many page-distribution rows are requested; resets to 5 on a range change. */
  @state() private pageLimit = PAGE_DISTRIBUTION_INITIAL;
  /** The name shown while a rename is pending or until the refetched detail arrives. */
  @state() private nameOverride: string | undefined;
  @state() private idCopied = false;
  @state() private announcement = '';

  @query('dozor-display-name-editor') private editor!: DozorDisplayNameEditor | null;

  private readonly detail = new BackendTask<TrackedUserDetail>(this, 'getUser');
  private readonly activity = new BackendTask<UserActivity>(this, 'getActivity');
  private readonly timeline = new BackendTask<UserTimeline>(this, 'getTimeline');
  private readonly status = new BackendTask<UserOnlineStatus>(this, 'getStatus');
  private readonly sessions = new BackendTask<Page<SessionListItem>>(this, 'listSessions');

  private loadedFrom: { backend: DozorBackend | undefined; userId: string | undefined; range: ActivityRange | undefined } = {
    backend: undefined,
    userId: undefined,
    range: undefined,
  };
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onPopState = () => this.restoreRangeFromUrl();

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
    new LiveController(this, {
      backend: () => this.resolvedBackend,
      intervalMs: () => this.refreshIntervalMs,
      refresh: () => this.refresh(),
      relevant: (change: BackendChange) => !change.userIds || (this.userId !== undefined && change.userIds.includes(this.userId)),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.restoreRangeFromUrl();
    window.addEventListener('popstate', this.onPopState);
    // Coming back after a disconnect (which aborted everything): load again.
    if (this.hasUpdated) this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    if (this.copiedTimer !== undefined) clearTimeout(this.copiedTimer);
    this.copiedTimer = undefined;
    this.idCopied = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl') && this.syncUrl) this.restoreRangeFromUrl();
    if (!isActivityRange(this.range)) this.range = '24h';
    const backend = this.resolvedBackend;
    if (backend !== this.loadedFrom.backend || this.userId !== this.loadedFrom.userId) {
      for (const task of this.tasks) task.reset();
      this.nameOverride = undefined;
      this.pageLimit = PAGE_DISTRIBUTION_INITIAL;
      this.loadedFrom = { backend, userId: this.userId, range: this.range };
      this.fetchAll();
    } else if (this.range !== this.loadedFrom.range) {
      this.loadedFrom = { ...this.loadedFrom, range: this.range };
      this.pageLimit = PAGE_DISTRIBUTION_INITIAL;
      this.fetchActivity();
      this.fetchTimeline();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.syncUrl && (changed.has('range') || changed.has('syncUrl'))) this.writeRangeToUrl();
  }

  private get tasks(): BackendTask<unknown>[] {
    return [this.detail, this.activity, this.timeline, this.status, this.sessions] as BackendTask<unknown>[];
  }

  private get blocks() {
    return this.resolvedBackend?.capabilities.blocks;
  }

  /** Refetches every block of this profile (as live refresh, refresh-now and retry do). */
  refresh(): void {
    this.fetchAll();
  }

  /** Starts every request together: no request waits for another. */
  private fetchAll(): void {
    this.fetchDetail();
    this.fetchActivity();
    this.fetchTimeline();
    this.fetchStatus();
    this.fetchSessions();
  }

  private fetchDetail(): void {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    if (!backend || !userId) return;
    void this.detail.run((signal) => backend.getUser(userId, { signal })).then((detail) => {
      if (detail) this.nameOverride = undefined;
    });
  }

  private fetchActivity(): void {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    if (!backend || !userId || !(backend.capabilities.blocks.activity || backend.capabilities.blocks.pageDistribution)) return;
    const query = { range: this.range, pageLimit: this.pageLimit };
    void this.activity.run((signal) => backend.getActivity(userId, query, { signal }));
  }

  private fetchTimeline(): void {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    if (!backend || !userId || !backend.capabilities.blocks.timeline) return;
    const range = this.range;
    void this.timeline.run((signal) => backend.getTimeline(userId, { range }, { signal }));
  }

  private fetchStatus(): void {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    if (!backend || !userId || !backend.capabilities.blocks.status) return;
    void this.status.run((signal) => backend.getStatus(userId, { signal }));
  }

  private fetchSessions(): void {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    if (!backend || !userId || !backend.capabilities.blocks.sessions) return;
    void this.sessions.run((signal) => backend.listSessions(userId, {}, { signal }));
  }

  private restoreRangeFromUrl(): void {
    if (!this.syncUrl) return;
    const value = new URLSearchParams(window.location.search).get(RANGE_PARAM);
    if (isActivityRange(value)) this.range = value;
  }

  private writeRangeToUrl(): void {
    const url = new URL(window.location.href);
    if (url.searchParams.get(RANGE_PARAM) === this.range) return;
    url.searchParams.set(RANGE_PARAM, this.range);
    window.history.replaceState(window.history.state, '', url);
  }

  private get canEdit(): boolean {
    const role = this.resolvedRole;
    const edits = this.resolvedBackend?.capabilities.edits;
    return (role === 'OWNER' || role === 'ADMIN') && edits !== undefined && (edits.displayName || edits.projectTraitKey);
  }

  override render() {
    const s: Strings = this.resolveStrings(USER_PROFILE_STRINGS);
    const detail = this.detail.value;
    const error = this.detail.error;
    if (!detail && error && (error.kind === 'not-found' || error.kind === 'permission')) return this.renderNotFound(s);
    if (!detail && error) {
      return html`<div class="stack">${renderErrorState(error, s, () => this.refresh())}</div>`;
    }
    return html`<div class="stack" aria-busy=${detail ? 'false' : 'true'}>
      ${this.renderToolbar()}
      ${detail ? this.renderHeader(detail, s) : this.renderHeaderSkeleton(s)}
      ${detail && detail.traits && Object.keys(detail.traits).length > 0
        ? html`<dozor-traits-inspector
            .traits=${detail.traits}
          ></dozor-traits-inspector>`
        : nothing}
      ${this.blocks?.activity === false ? nothing : this.renderStats(s)}
      ${this.renderBlocks(s)}
      ${detail && this.canEdit
        ? html`<dozor-display-name-editor
            .user=${detail}
            @dozor-display-name-pending=${this.onNamePending}
            @dozor-display-name-change=${this.onNameChange}
          ></dozor-display-name-editor>`
        : nothing}
    </div>`;
  }

  private renderNotFound(s: Strings): TemplateResult {
    return html`<section class="card empty-state" part="card not-found" aria-labelledby="not-found-title">
      <h2 id="not-found-title">${s.profileNotFoundTitle}</h2>
      <p>${s.profileNotFoundDescription}</p>
      <button class="button" part="button back-button" type="button" @click=${this.onBack}>${s.profileBack}</button>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const refreshing = this.tasks.some((task) => task.loading);
    const blocks = this.blocks;
    // A range only changes the activity, pages and timeline: without any of them there is nothing to pick.
    const ranged = !blocks || blocks.activity || blocks.pageDistribution || blocks.timeline;
    return html`<div class="toolbar">
      ${ranged ? html`<dozor-range-selector
        .range=${this.range}
        @dozor-range-change=${this.onRangeChange}
      ></dozor-range-selector>` : nothing}
      <dozor-last-updated
        .updatedAt=${this.activity.updatedAt || this.detail.updatedAt}
        .refreshing=${refreshing}
        @dozor-refresh-request=${this.onRefreshRequest}
      ></dozor-last-updated>
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
    const name = this.nameOverride ?? detail.displayName;
    const locale = this.resolvedLocale;
    return html`<section class="card header" part="card header" aria-labelledby="display-name">
      ${renderAvatar(`${detail.projectId}:${detail.externalId}`, { size: 48 })}
      <div class="identity">
        <div class="title-row">
          <h2 id="display-name" title=${name}>${name}</h2>
          ${this.canEdit
            ? html`<button class="button small" part="button edit-button" type="button" @click=${this.openEditor}>${s.profileEditName}</button>`
            : nothing}
          ${this.renderOnline(detail, s)}
        </div>
        <div class="id-row">
          <span>${s.profileTrackedUserId}</span>
          <code title=${detail.externalId}>${detail.externalId}</code>
          <button class="button small" part="button copy-button" type="button" aria-label=${this.idCopied ? s.profileCopied : s.profileCopyId} @click=${this.copyId}>
            ${this.idCopied ? s.profileCopied : s.profileCopyId}
          </button>
        </div>
        <div class="meta">
          <span class="badge" part="badge" title=${detail.projectName}>
            <span class="visually-hidden">${s.profileProjectLabel}: </span>${detail.projectName}
          </span>
          <span class="badge" part="badge">${s.profileFirstSeen(formatDate(detail.createdAt, locale))}</span>
          <span class="badge" part="badge">${s.profileSessionCount(detail.sessionCount, formatCount(detail.sessionCount, locale))}</span>
          ${detail.identity ? html`<span class="badge" part="badge identity">${s.identityLabels[detail.identity]}</span>` : nothing}
        </div>
        ${(this.resolvedBackend?.capabilities.tags.length ?? 0) > 0 && detail.tags && detail.tags.length > 0
          ? html`<dozor-user-tags .tags=${detail.tags}></dozor-user-tags>`
          : nothing}
      </div>
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
    </section>`;
  }

  private renderOnline(detail: TrackedUserDetail, s: Strings): TemplateResult {
    const status = this.status.value;
    const online = status?.online ?? false;
    const lastEventAt = status?.lastEventAt ?? detail.lastEventAt ?? null;
    return html`<span class="online ${online ? 'is-online' : ''}" part="online" role="status" aria-live="polite">
      <span class="dot" aria-hidden="true"></span>
      ${online ? s.profileOnlineNow : lastEventAt ? s.profileLastSeen(formatRelative(lastEventAt, Date.now(), this.resolvedLocale)) : s.profileNeverSeen}
    </span>`;
  }

  private renderStats(s: Strings): TemplateResult {
    const summary = this.activity.value?.summary;
    const locale = this.resolvedLocale;
    const rangeLabel = s.statRangeLabels[this.range];
    const error = this.activity.error;
    if (!summary && error) {
      return html`<section class="card" part="card" aria-label=${s.statsLabel}>${renderErrorState(error, s, () => this.fetchActivity())}</section>`;
    }
    const stat = (label: string, value: string | undefined, sub: string | undefined, mono = false) =>
      html`<li class="card stat" part="card stat">
        <span class="stat-label">${label}</span>
        ${value === undefined
          ? html`<span class="skeleton value"></span>`
          : html`<span class="stat-value ${mono ? 'mono' : ''}" title=${value}>${value}</span>`}
        <span class="stat-sub">${sub ?? ''}</span>
      </li>`;
    const none = s.emptyValue;
    const has = summary !== undefined && summary.sessionCount > 0;
    return html`<ul class="stats" aria-label=${s.statsLabel} aria-busy=${summary ? 'false' : 'true'}>
      ${stat(s.statSessions, summary && formatCount(summary.sessionCount, locale), rangeLabel)}
      ${stat(s.statActiveTime, summary && (has ? formatDuration(summary.totalActiveTime) : none), rangeLabel)}
      ${stat(
        s.statAvgSession,
        summary && (has ? formatDuration(summary.avgSessionDuration) : none),
        summary && (has ? s.statAcross(summary.sessionCount, formatCount(summary.sessionCount, locale)) : s.statNoSessions),
      )}
      ${stat(s.statEvents, summary && formatCount(summary.totalEvents, locale), rangeLabel)}
      ${stat(s.statUniquePages, summary && formatCount(summary.uniquePages, locale), rangeLabel)}
      ${stat(s.statTopPage, summary && (summary.topPage ?? none), summary && (summary.topPage ? s.statMostTimeSpent : rangeLabel), summary?.topPage != null)}
    </ul>`;
  }

  private renderBlocks(s: Strings): TemplateResult {
    const blocks = this.blocks;
    return html`${blocks?.activity === false ? nothing : this.renderChart(s)}
    ${blocks?.pageDistribution === false ? nothing : this.renderPages(s)}
    ${blocks?.timeline === false ? nothing : this.renderTimeline(s)}
    ${blocks?.sessions === false ? nothing : this.renderSessions(s)}`;
  }

  /** A block's own error state when its request failed and there is nothing to show. */
  private blockError(task: BackendTask<unknown>, s: Strings, retry: () => void): TemplateResult | undefined {
    if (task.value !== undefined || !task.error) return undefined;
    return html`<section class="card" part="card">${renderErrorState(task.error, s, retry)}</section>`;
  }

  private renderChart(s: Strings): TemplateResult {
    return (
      this.blockError(this.activity, s, () => this.fetchActivity()) ??
      html`<dozor-activity-chart
        .data=${this.activity.value}
        .range=${this.range}
      ></dozor-activity-chart>`
    );
  }

  private renderPages(s: Strings): TemplateResult {
    return (
      this.blockError(this.activity, s, () => this.fetchActivity()) ??
      html`<dozor-page-distribution
        .data=${this.activity.value}
        .range=${this.range}
        @dozor-page-limit-change=${this.onPageLimitChange}
      ></dozor-page-distribution>`
    );
  }

  private renderTimeline(s: Strings): TemplateResult {
    return (
      this.blockError(this.timeline, s, () => this.fetchTimeline()) ??
      // The user id only with data: without it a block would fetch by itself while the profile loads.
      html`<dozor-sessions-timeline
        .data=${this.timeline.value}
        .userId=${this.timeline.value ? this.userId : undefined}
        .range=${this.range}
      ></dozor-sessions-timeline>`
    );
  }

  private renderSessions(s: Strings): TemplateResult {
    return (
      this.blockError(this.sessions, s, () => this.fetchSessions()) ??
      html`<dozor-sessions-table
        .data=${this.sessions.value}
        .userId=${this.sessions.value ? this.userId : undefined}
      ></dozor-sessions-table>`
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
    if (event.detail.pageLimit === this.pageLimit) return;
    this.pageLimit = event.detail.pageLimit;
    this.fetchActivity();
  }

  private openEditor(): void {
    this.editor?.show();
  }

  private onNamePending(event: CustomEvent<{ displayName: string | null }>): void {
    this.nameOverride = event.detail.displayName ?? undefined;
  }

  private onNameChange(event: CustomEvent<{ displayName?: string }>): void {
    if (event.detail.displayName !== undefined) this.nameOverride = event.detail.displayName;
    this.fetchDetail();
  }

  private onBack(): void {
    this.emit('dozor-back', { userId: this.userId ?? '' });
  }

  private async copyId(): Promise<void> {
    const detail = this.detail.value;
    if (!detail) return;
    const s = this.resolveStrings(USER_PROFILE_STRINGS);
    try {
      await navigator.clipboard.writeText(detail.externalId);
      this.idCopied = true;
      this.announcement = s.profileCopyIdSucceeded;
      if (this.copiedTimer !== undefined) clearTimeout(this.copiedTimer);
      this.copiedTimer = setTimeout(() => {
        this.idCopied = false;
        this.copiedTimer = undefined;
      }, COPIED_FEEDBACK_MS);
    } catch {
      this.idCopied = false;
      this.announcement = s.profileCopyFailed;
    }
  }
}
