import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { UserTag } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { CHIP_GAP_PX, tagLineStyles, userTagsStyles } from './user-tags.styles.js';
import { deepActiveElement } from '../shared/focus.js';
import { fittingCount, followAnchor, renderAllTags, renderTagLine, returnFocus, tagTexts, USER_TAGS_STRINGS } from './tag-line.js';

export { USER_TAGS_STRINGS, type UserTagsStrings } from './tag-line.js';

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
  static override styles = [tokens, baseStyles, tagLineStyles, userTagsStyles];

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
  private stopFollowing: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.observe([this]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const box of this.observedBoxes) tagsResizeObserver.unobserve(box);
    this.observedBoxes.clear();
    listsToFit.delete(this);
    this.stopFollowing?.();
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
    this.observe([this, ...this.renderRoot.querySelectorAll('.tag-line > ul > .tag-chip, .more')]);
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
    const widths = [...this.renderRoot.querySelectorAll('.tag-line > ul > .tag-chip')].map((chip) => chip.getBoundingClientRect().width);
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
    const texts = tagTexts(tags, s, this.numbers);
    return html`${renderTagLine(tags, texts, {
      s,
      numbers: this.numbers,
      locale: this.resolvedLocale,
      shown: this.shownCount,
      moreTabIndex: this.moreTabIndex,
      popoverId: 'all-tags',
      onMore: (event) => event.stopPropagation(),
    })}
      <div id="all-tags" class="tags-popover" popover part="popover" @toggle=${this.onPopoverToggle}>${renderAllTags(tags, texts, s)}</div>`;
  }

  private onPopoverToggle(event: ToggleEvent): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    if (event.newState === 'open') {
      this.stopFollowing = followAnchor(event.currentTarget as HTMLElement, () => this.moreButton);
      return;
    }
    returnFocus(this.tagsPopover, this.focusBeforePopover);
    this.focusBeforePopover = undefined;
  }
}
