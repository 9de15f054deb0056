import { html, type TemplateResult } from 'lit';
import { DEFAULT_TAG_STRINGS, formatUnitList, tagReason, type LocaleNumbers, type UserTag } from '../../core/index.js';
import { deepActiveElement } from '../shared/focus.js';
import { startWithin } from '../shared/fit.js';
import { CHIP_GAP_PX, VIEWPORT_MARGIN_PX } from './user-tags.styles.js';

/**
 * A line of tag chips with a "+N" button for those that do not fit, and the list of every tag its
 * popover shows: the texts and the fitting rule of `<dozor-user-tags>` and of the list's rows, and the
 * element's markup (the rows build the same markup by DOM calls in `row-tags.ts`; `tagLineStyles` styles both).
 */

/** The tag line's English strings (`<dozor-user-tags>` and the list's rows); their type is `UserTagsStrings`. */
export const USER_TAGS_STRINGS = {
  /** Accessible name of the tag list. */
  tagsLabel: 'Tags',
  /** Tag labels by id; the backend's label is used for ids not listed here. */
  tagLabels: DEFAULT_TAG_STRINGS.labels,
  /** Why a tag applies (its tooltip), from the evidence the backend's rule found. */
  tagReasons: DEFAULT_TAG_STRINGS.reasons,
  /** What the "+N" button says beyond its visible "+N": how many more tags, and which (their labels, joined). */
  tagsMore: (count: number, labels: string, numbers: LocaleNumbers) =>
    numbers.plural(count, { one: `more tag: ${labels}`, other: `more tags: ${labels}` }),
};

/** The tag line's strings (every key of its English table). */
export type UserTagsStrings = typeof USER_TAGS_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends UserTagsStrings {}
}

/** What a tag line shows for each tag: its label and why it applies (formatted once, shown up to three times). */
export interface TagTexts {
  labels: string[];
  reasons: string[];
}

/** The tags' labels: the strings' for known ids, else the backend's. */
export function tagLabels(tags: readonly UserTag[], s: Pick<UserTagsStrings, 'tagLabels'>): string[] {
  return tags.map((tag) => s.tagLabels[tag.id] ?? tag.label);
}

export function tagTexts(tags: readonly UserTag[], s: UserTagsStrings, numbers: LocaleNumbers): TagTexts {
  return {
    labels: tagLabels(tags, s),
    reasons: tags.map((tag) => (tag.evidence ? tagReason(tag.evidence, s.tagReasons, numbers) : tag.reason)),
  };
}

/**
 * How many chips fit in `available` pixels, in order, leaving room for the "+N" button (`moreWidth`,
 * its gap included) when some do not: all of them when everything fits.
 */
export function fittingCount(widths: readonly number[], available: number, moreWidth: number): number {
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

export interface TagLineView {
  s: UserTagsStrings;
  numbers: LocaleNumbers;
  locale: string;
  /** How many chips stand on the line; the rest are behind "+N". */
  shown: number;
  /** The "+N" button's tabindex (-1 inside a grid with roving focus). */
  moreTabIndex: number;
  /** The id of the popover the "+N" button opens. */
  popoverId: string;
  onMore: (event: MouseEvent) => void;
}

/**
 * The chips and the "+N" button of a line that measures itself: the chips past `shown` and an unused "+N"
 * stay rendered, out of the line but measurable.
 */
export function renderTagLine(tags: readonly UserTag[], texts: TagTexts, view: TagLineView): TemplateResult {
  const { s } = view;
  const shown = Math.min(view.shown, tags.length);
  const hidden = texts.labels.slice(shown);
  const moreCount = hidden.length > 0 ? hidden.length : 1;
  const chip = (tag: UserTag, i: number) =>
    html`<li class="tag-chip ${tag.id} ${i < shown ? '' : 'overflow'}" part="tag tag-${tag.id}" title=${texts.reasons[i]!}>
      ${texts.labels[i]}<span class="visually-hidden">: ${texts.reasons[i]!}</span>
    </li>`;
  return html`<div class="tag-line">
    <ul part="tags" aria-label=${s.tagsLabel}>
      ${tags.map(chip)}
    </ul>
    ${renderMoreButton(moreCount, hidden, view)}
  </div>`;
}

function renderMoreButton(moreCount: number, hidden: readonly string[], view: TagLineView): TemplateResult {
  const { s, numbers } = view;
  return html`<button
      class="more ${hidden.length > 0 ? '' : 'unused'}"
      part="button more"
      type="button"
      popovertarget=${view.popoverId}
      tabindex=${view.moreTabIndex}
      ?disabled=${hidden.length === 0}
      @click=${view.onMore}
    >
      +${numbers.number(moreCount)}<span class="visually-hidden"> ${s.tagsMore(moreCount, formatUnitList(hidden, view.locale), numbers)}</span>
    </button>`;
}

/** Every tag with its reason: what the "+N" popover lists. */
export function renderAllTags(tags: readonly UserTag[], texts: TagTexts, s: UserTagsStrings): TemplateResult {
  return html`<ul aria-label=${s.tagsLabel} tabindex="-1">
    ${tags.map(
      (tag, i) => html`<li><span class="tag-chip ${tag.id}">${texts.labels[i]}</span><span class="reason">${texts.reasons[i]!}</span></li>`,
    )}
  </ul>`;
}

/**
 * After the tags popover closed: the focus goes back to `back` (where it was when the popover opened), but
 * only where it went nowhere else (it was in the popover, or fell to the page's body).
 */
export function returnFocus(popover: Element | null | undefined, back: HTMLElement | undefined): void {
  const now = deepActiveElement();
  if (back?.isConnected && (!now || now === document.body || popover?.contains(now))) back.focus({ preventScroll: true });
}

/**
 * Keeps `popover` (in the top layer, fixed to the viewport) under `anchor` while the page or a grid
 * scrolls, below it when there is room, else above; closes it when the anchor is gone. Returns the stop.
 */
export function followAnchor(popover: HTMLElement, anchor: () => Element | null | undefined): () => void {
  let frame = 0;
  const follow = () => {
    const box = anchor()?.getBoundingClientRect();
    if (!box || box.width === 0) {
      popover.hidePopover();
      return;
    }
    const { width, height } = popover.getBoundingClientRect();
    const below = box.bottom + 4;
    const top = below + height <= window.innerHeight - VIEWPORT_MARGIN_PX ? below : Math.max(VIEWPORT_MARGIN_PX, box.top - 4 - height);
    const left = startWithin(box.left, width, VIEWPORT_MARGIN_PX, window.innerWidth - VIEWPORT_MARGIN_PX);
    popover.style.setProperty('top', `${Math.round(top)}px`);
    popover.style.setProperty('left', `${Math.round(left)}px`);
    frame = requestAnimationFrame(follow);
  };
  follow();
  return () => cancelAnimationFrame(frame);
}
