import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_TAG_STRINGS,
  formatUnitList,
  tagReason,
  type LocaleNumbers,
  type TagReasonStrings,
  type UserTag,
  type UserTagId,
} from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { CHIP_GAP_PX, userTagsStyles, VIEWPORT_MARGIN_PX } from './user-tags.styles.js';

export interface UserTagsStrings {
  /** Accessible name of the tag list. */
  tagsLabel: string;
  /** Tag labels by id; the backend's label is used for ids not listed here. */
  tagLabels: Record<UserTagId, string>;
  /** Why a tag applies (its tooltip), from the evidence the backend's rule found. */
  tagReasons: TagReasonStrings;
  /** What the "+N" button says beyond its visible "+N": how many more tags, and which (their labels, joined). */
  tagsMore: (count: number, labels: string, numbers: LocaleNumbers) => string;
}

export const USER_TAGS_STRINGS: UserTagsStrings = {
  tagsLabel: 'Tags',
  tagLabels: DEFAULT_TAG_STRINGS.labels,
  tagReasons: DEFAULT_TAG_STRINGS.reasons,
  tagsMore: (count, labels, numbers) => numbers.plural(count, { one: `more tag: ${labels}`, other: `more tags: ${labels}` }),
};

declare module '../shared/strings.js' {
  interface DozorStrings extends UserTagsStrings {}
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * How many chips fit in `available` pixels, in order, leaving room for the "+N" button when some
 * do not: all of them when everything fits.
 */
function fittingCount(widths: readonly number[], available: number, moreWidth: number): number {
  const all = widths.reduce((sum, width) => sum + width, 0) + CHIP_GAP_PX * Math.max(0, widths.length - 1);
  if (all <= available) return widths.length;
  let used = moreWidth;
  let count = 0;
  while (count < widths.length && used + widths[count]! + CHIP_GAP_PX <= available) {
    used += widths[count]! + CHIP_GAP_PX;
    count++;
  }
  return count;
}

/**
 * One observer and one frame for every tag list on the page: on a resize every list that changed measures
 * first and then all of them refit, so a screen of rows costs one layout, not one forced layout per row.
 * The refit waits for the next frame: refitting inside the observer's callback would resize what it
 * observes (a loop error).
 */
const listsToFit = new Set<DozorUserTags>();
let fitFrame = 0;
const tagsResizeObserver = new ResizeObserver((entries) => {
  for (const entry of entries) {
    // The list itself, or a chip or "+N" inside its shadow root.
    const root = entry.target.getRootNode();
    const list = entry.target instanceof DozorUserTags ? entry.target : root instanceof ShadowRoot ? root.host : undefined;
    if (list instanceof DozorUserTags) listsToFit.add(list);
  }
  cancelAnimationFrame(fitFrame);
  fitFrame = requestAnimationFrame(fitPendingLists);
});

function fitPendingLists(): void {
  const lists = [...listsToFit].filter((list) => list.isConnected);
  listsToFit.clear();
  const counts = lists.map((list) => list.measureFit());
  lists.forEach((list, i) => list.applyFit(counts[i]!));
}

/**
 * A user's tags (New user, Returning, Longtime, Work info, Contact info, Buyer, Custom attributes) as
 * chips; each chip's tooltip says why it applies. Renders nothing for no tags.
 *
 * The chips stay on one line: those that do not fit its width are behind a "+N" button, which opens
 * a popover listing every tag with its reason (Escape or a click elsewhere closes it); its accessible
 * name names the hidden tags. With `wrap` the chips wrap onto further lines instead.
 *
 * @tagname dozor-user-tags
 * @summary User tag chips.
 * @csspart tags - the list.
 * @csspart tag - each chip (also `tag-<id>`, e.g. `tag-buyer`).
 * @csspart more - the "+N" button (also `button`).
 * @csspart popover - the popover listing every tag.
 * @cssprop --dozor-accent-soft - chip background.
 */
export class DozorUserTags extends DozorElement {
  static override styles = [tokens, baseStyles, userTagsStyles];

  /** The tags, as served by the backend (`computeTags` in `dozor-elements/core`). */
  @property({ attribute: false }) tags: readonly UserTag[] | undefined;

  /** Wrap the chips onto further lines instead of keeping one line with a "+N". */
  @property({ type: Boolean, reflect: true }) wrap = false;

  /**
   * The "+N" button's tabindex. Inside a grid with roving focus (as in `<dozor-user-list>`) pass -1
   * and open it with `showAllTags()` from the cell's keyboard handler.
   */
  @property({ attribute: false }) moreTabIndex = 0;

  /** How many chips show on the line (the rest are behind "+N"). */
  @state() private shownCount = Number.POSITIVE_INFINITY;

  @query('.more') private moreButton!: HTMLButtonElement | null;
  @query('[popover]') private tagsPopover!: HTMLElement | null;

  /** What this list has the shared observer watch: itself, its chips and its "+N" button. */
  private readonly observedBoxes = new Set<Element>();
  /** Where the focus was when `showAllTags()` opened the popover. */
  private focusBeforePopover: HTMLElement | undefined;
  private positionFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.observe([this]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const box of this.observedBoxes) tagsResizeObserver.unobserve(box);
    this.observedBoxes.clear();
    listsToFit.delete(this);
    cancelAnimationFrame(this.positionFrame);
  }

  /** True when some tags are behind the "+N" button. */
  get hasHiddenTags(): boolean {
    return this.shownCount < (this.tags?.length ?? 0);
  }

  /**
   * Opens the popover that lists every tag (what the "+N" button does) and moves the focus into it, so a
   * screen reader reads the list; closing it (Escape, a click elsewhere) gives the focus back.
   */
  showAllTags(): void {
    const popover = this.tagsPopover;
    if (!popover) return;
    this.focusBeforePopover = deepActiveElement();
    popover.showPopover();
    popover.querySelector<HTMLElement>('ul')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('wrap') && this.wrap) this.shownCount = Number.POSITIVE_INFINITY;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A new or relabelled chip, or another "+N" text, changes what fits: the observer refits (outside
    // the update, so no update is scheduled from within one).
    this.observe([this, ...this.renderRoot.querySelectorAll('.line > ul > .chip, .more')]);
  }

  private observe(boxes: Element[]): void {
    const current = new Set(boxes);
    for (const box of this.observedBoxes) {
      if (!current.has(box)) tagsResizeObserver.unobserve(box);
    }
    for (const box of current) {
      if (!this.observedBoxes.has(box)) tagsResizeObserver.observe(box);
    }
    this.observedBoxes.clear();
    for (const box of current) this.observedBoxes.add(box);
  }

  /** @internal How many chips fit on the line now (reads layout only; the shared fitter measures every list before any refits). */
  measureFit(): number {
    const count = this.tags?.length ?? 0;
    const available = this.getBoundingClientRect().width;
    if (this.wrap || count === 0 || available === 0) return count;
    const widths = [...this.renderRoot.querySelectorAll('.line > ul > .chip')].map((chip) => chip.getBoundingClientRect().width);
    const moreWidth = (this.moreButton?.getBoundingClientRect().width ?? 0) + CHIP_GAP_PX;
    return fittingCount(widths, available, moreWidth);
  }

  /** @internal Shows `count` chips on the line (the shared fitter's second step). */
  applyFit(count: number): void {
    this.shownCount = count;
  }

  override render() {
    const tags = this.tags ?? [];
    if (tags.length === 0) return nothing;
    const s = this.resolveStrings(USER_TAGS_STRINGS);
    const label = (tag: UserTag) => s.tagLabels[tag.id] ?? tag.label;
    // Each reason shows three times (tooltip, screen-reader text, popover): formatted once.
    const reasons = tags.map((tag) => (tag.evidence ? tagReason(tag.evidence, s.tagReasons, this.numbers) : tag.reason));
    const shown = Math.min(this.shownCount, tags.length);
    const hidden = tags.slice(shown);
    // The button is always rendered (unused: out of the line, invisible) so its width is known before it is needed.
    const moreCount = hidden.length > 0 ? hidden.length : 1;
    return html`<div class="line">
      <ul part="tags" aria-label=${s.tagsLabel}>
        ${tags.map(
          (tag, i) => html`<li class="chip ${tag.id} ${i < shown ? '' : 'overflow'}" part="tag tag-${tag.id}" title=${reasons[i]!}>
            ${label(tag)}<span class="visually-hidden">: ${reasons[i]!}</span>
          </li>`,
        )}
      </ul>
      <button
        class="more ${hidden.length > 0 ? '' : 'unused'}"
        part="button more"
        type="button"
        popovertarget="all-tags"
        tabindex=${this.moreTabIndex}
        ?disabled=${hidden.length === 0}
        @click=${(event: Event) => event.stopPropagation()}
      >
        +${this.numbers.number(moreCount)}<span class="visually-hidden"> ${s.tagsMore(
          moreCount,
          formatUnitList(hidden.map(label), this.resolvedLocale),
          this.numbers,
        )}</span>
      </button>
      <div id="all-tags" popover part="popover" @toggle=${this.onPopoverToggle}>
        <ul aria-label=${s.tagsLabel} tabindex="-1">
          ${tags.map((tag, i) => html`<li><span class="chip ${tag.id}">${label(tag)}</span><span class="reason">${reasons[i]!}</span></li>`)}
        </ul>
      </div>
    </div>`;
  }

  private onPopoverToggle(event: ToggleEvent): void {
    cancelAnimationFrame(this.positionFrame);
    if (event.newState === 'open') {
      this.followButton();
      return;
    }
    const back = this.focusBeforePopover;
    this.focusBeforePopover = undefined;
    // Only where the focus went nowhere else (it was in the popover, or on the page's body after it closed).
    const now = deepActiveElement();
    if (back?.isConnected && (!now || now === document.body || this.tagsPopover?.contains(now))) back.focus({ preventScroll: true });
  }

  /** Keeps the popover (in the top layer, fixed to the viewport) under its button while the page or a grid scrolls. */
  private followButton(): void {
    const button = this.moreButton;
    const popover = this.tagsPopover;
    if (!button || !popover) return;
    const anchor = button.getBoundingClientRect();
    if (anchor.width === 0) {
      popover.hidePopover();
      return;
    }
    const { width, height } = popover.getBoundingClientRect();
    const below = anchor.bottom + 4;
    const top = below + height <= window.innerHeight - VIEWPORT_MARGIN_PX ? below : Math.max(VIEWPORT_MARGIN_PX, anchor.top - 4 - height);
    const left = Math.min(Math.max(VIEWPORT_MARGIN_PX, anchor.left), window.innerWidth - VIEWPORT_MARGIN_PX - width);
    popover.style.setProperty('top', `${Math.round(top)}px`);
    popover.style.setProperty('left', `${Math.round(Math.max(VIEWPORT_MARGIN_PX, left))}px`);
    this.positionFrame = requestAnimationFrame(() => this.followButton());
  }
}
