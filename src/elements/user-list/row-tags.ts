import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatUnitList, type LocaleNumbers, type UserTag } from '../../core/index.js';
import type { TrackedUserListItem } from '../../backend/index.js';
import * as tagLine from '../user-tags/tag-line.js';
import { deepActiveElement } from '../shared/focus.js';
import { element, visuallyHidden } from '../shared/dom.js';
import { CHIP_GAP_PX } from '../user-tags/user-tags.styles.js';

const POPOVER_ID = 'row-tags';
/** Labels are the backend's text, of any variety: the widths are forgotten past this many. */
const MAX_WIDTHS = 2000;

export interface RowTagsView {
  s: tagLine.UserTagsStrings;
  numbers: LocaleNumbers;
  locale: string;
}

export interface RowTagsOptions {
  /** The Tags column's header cell, as wide as every row's tags cell (none while the column is hidden). */
  headerCell: () => Element | null;
  popover: () => HTMLElement | null;
}

/**
 * The rows' tag lines, each with as many chips as fit and a "+N" for the rest. Every tags cell is as wide
 * as its column and a chip as wide as its label, so the list measures each label and "+N" once (in one
 * hidden line, when the column's resize observer reports after a layout, or in the next frame for labels
 * first seen later) and the column when it resizes; a row's fit is then arithmetic, with no layout read
 * and no element of its own per row. A refit redraws only the tag lines, not their rows. One popover
 * lists the tags of the row whose "+N" opened it. The lines are built by DOM calls, like the rows.
 */
export class RowTags implements ReactiveController {
  /** Widths in px of the chips by label, and of the "+N" buttons by text. */
  private readonly widths = { chip: new Map<string, number>(), more: new Map<string, number>() };
  /** Texts the last render could not fit for want of their widths: measured after it. */
  private readonly unmeasured = { chip: new Set<string>(), more: new Set<string>() };
  private columnWidth: number | undefined;
  /** The rows' tag lines in the DOM, which refit when a width becomes known or changes. */
  readonly lines = new Set<RowTagLine>();
  private observedCell: Element | null = null;
  /**
   * Reports the column's width after each layout that changed it, before the paint: the lines refit right
   * there (they cannot resize the header cell it watches), so no update forces a layout of its own.
   */
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = entries.at(-1)?.contentBoxSize[0]?.inlineSize ?? 0;
    this.columnWidth = width > 0 ? width : undefined;
    this.refit();
  });
  private open: { tags: readonly UserTag[]; anchor: HTMLElement; focusBefore: HTMLElement | undefined } | undefined;
  private stopFollowing: (() => void) | undefined;
  private readonly forgetWidths = () => {
    this.widths.chip.clear();
    this.widths.more.clear();
    this.refit();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowTagsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A web font that arrives late changes every chip's width.
    document.fonts?.addEventListener('loadingdone', this.forgetWidths);
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.forgetWidths);
    this.resizeObserver.disconnect();
    this.observedCell = null;
    this.columnWidth = undefined;
    cancelAnimationFrame(this.refitFrame);
    this.stopFollowing?.();
  }

  hostUpdate(): void {
    this.unmeasured.chip.clear();
    this.unmeasured.more.clear();
  }

  /** After an update: watch the Tags column; new lines whose texts were never measured refit next frame. */
  hostUpdated(): void {
    for (const line of this.lines) if (!line.element.isConnected) this.lines.delete(line); // their rows left the window
    const cell = this.options.headerCell();
    if (cell !== this.observedCell) {
      this.resizeObserver.disconnect();
      this.observedCell = cell;
      this.columnWidth = undefined;
      if (cell) this.resizeObserver.observe(cell); // reports its width after the coming layout
      return;
    }
    if (this.columnWidth !== undefined && this.unmeasured.chip.size + this.unmeasured.more.size > 0) {
      cancelAnimationFrame(this.refitFrame);
      this.refitFrame = requestAnimationFrame(() => this.refit());
    }
  }
  private refitFrame = 0;

  /** A row's tag line: as many chips as fit, "+N" for the rest (it refits by itself); null without tags. */
  line(user: TrackedUserListItem, view: RowTagsView): HTMLElement | null {
    if (!user.tags?.length) return null;
    const line = new RowTagLine(this, user.tags, view);
    this.lines.add(line);
    return line.element;
  }

  /** @internal How many of these chips fit on a line (all of them while a width is unknown, noted for measuring). */
  shownCount(labels: readonly string[], numbers: LocaleNumbers): number {
    const widths = labels.map((label) => this.widthOf('chip', label));
    const moreWidth = this.widthOf('more', `+${numbers.number(labels.length)}`);
    if (this.columnWidth === undefined || moreWidth === undefined || widths.includes(undefined)) return labels.length;
    return tagLine.fittingCount(widths as number[], this.columnWidth, moreWidth + CHIP_GAP_PX);
  }

  /** @internal A line's chips (the first `shown`) and its "+N" button for the rest: the markup of `tagLine.renderTagLine`, by DOM calls. */
  lineNodes(tags: readonly UserTag[], texts: tagLine.TagTexts, shown: number, view: RowTagsView): Node[] {
    const { s, numbers } = view;
    const list = element('ul', { part: 'tags', 'aria-label': s.tagsLabel });
    for (let i = 0; i < shown && i < tags.length; i++) {
      const tag = tags[i]!;
      const reason = texts.reasons[i]!;
      list.append(
        element(
          'li',
          { class: `tag-chip ${tag.id}`, part: `tag tag-${tag.id}`, title: reason },
          texts.labels[i]!,
          visuallyHidden(`: ${reason}`),
        ),
      );
    }
    const hidden = texts.labels.slice(shown);
    if (hidden.length === 0) return [list];
    const more = element(
      'button',
      // No tab stop of its own: the grid's roving focus reaches it (Enter or F2 on the cell).
      { class: 'more', part: 'button more', type: 'button', popovertarget: POPOVER_ID, tabindex: '-1' },
      `+${numbers.number(hidden.length)}`,
      visuallyHidden(` ${s.tagsMore(hidden.length, formatUnitList(hidden, view.locale), numbers)}`),
    );
    more.addEventListener('click', (event) => {
      event.stopPropagation(); // not a click on the row
      this.prepare(tags, more);
    });
    return [list, more];
  }

  /** Measures the texts the lines lack (one layout of a hidden line), then redraws the lines whose fit changed. */
  private refit(): void {
    if (this.columnWidth === undefined) return;
    for (const line of this.lines) line.noteWidths();
    if (this.unmeasured.chip.size + this.unmeasured.more.size > 0) this.measure();
    for (const line of this.lines) line.refit();
  }

  /** The popover with the tags of the row whose "+N" opened it. */
  renderPopover(view: RowTagsView): TemplateResult {
    return html`<div id=${POPOVER_ID} class="tags-popover" popover part="popover" @toggle=${this.onToggle}>
      ${this.open ? tagLine.renderAllTags(this.open.tags, tagLine.tagTexts(this.open.tags, view.s, view.numbers), view.s) : nothing}
    </div>`;
  }

  /** Opens the popover of the row whose tags cell this is (Enter or F2 on it); false when all its tags show. */
  openFromCell(cell: Element, user: TrackedUserListItem): boolean {
    const button = cell.querySelector<HTMLElement>('.tag-line .more');
    if (!button || !user.tags?.length) return false;
    this.prepare(user.tags, button);
    void this.host.updateComplete.then(() => {
      const popover = this.options.popover();
      popover?.showPopover();
      popover?.querySelector<HTMLElement>('ul')?.focus();
    });
    return true;
  }

  /** Fills the popover for these tags before it opens (a click on "+N" opens it on its own). */
  private prepare(tags: readonly UserTag[], anchor: HTMLElement): void {
    this.open = { tags, anchor, focusBefore: deepActiveElement() };
    this.host.requestUpdate();
  }

  private readonly onToggle = (event: ToggleEvent): void => {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    const open = this.open;
    if (!open) return;
    if (event.newState === 'open') {
      this.stopFollowing = tagLine.followAnchor(event.currentTarget as HTMLElement, () => (open.anchor.isConnected ? open.anchor : null));
      return;
    }
    tagLine.returnFocus(this.options.popover(), open.focusBefore);
  };

  private widthOf(kind: 'chip' | 'more', text: string): number | undefined {
    const width = this.widths[kind].get(text);
    if (width === undefined) this.unmeasured[kind].add(text);
    return width;
  }

  /** Lays out the unmeasured texts in one hidden line of the list's own styles and keeps their widths. */
  private measure(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    const box = document.createElement('div');
    box.className = 'tag-measure';
    box.setAttribute('aria-hidden', 'true');
    const line = box.appendChild(document.createElement('div'));
    line.className = 'tag-line';
    const pending = (['chip', 'more'] as const).flatMap((kind) =>
      [...this.unmeasured[kind]].map((text) => {
        const node = line.appendChild(document.createElement(kind === 'chip' ? 'span' : 'button'));
        node.className = kind === 'chip' ? 'tag-chip' : 'more';
        node.textContent = text;
        return { kind, text, node };
      }),
    );
    root.append(box);
    for (const { kind, text, node } of pending) {
      const width = node.getBoundingClientRect().width;
      if (width === 0) continue; // not laid out (the list is hidden): measured another time
      const widths = this.widths[kind];
      if (widths.size >= MAX_WIDTHS) widths.clear();
      widths.set(text, width);
    }
    box.remove();
    this.unmeasured.chip.clear();
    this.unmeasured.more.clear();
  }
}

/** A row's tag line, which redraws itself when its fit changes (its row is not built again). */
class RowTagLine {
  readonly element = element('div', { class: 'tag-line' });
  private readonly texts: tagLine.TagTexts;
  private shown: number;

  constructor(
    private readonly owner: RowTags,
    private readonly tags: readonly UserTag[],
    private readonly view: RowTagsView,
  ) {
    this.texts = tagLine.tagTexts(tags, view.s, view.numbers);
    this.shown = owner.shownCount(this.texts.labels, view.numbers);
    this.element.append(...owner.lineNodes(tags, this.texts, this.shown, view));
  }

  /** Asks again for the widths it lacks (they are measured together). */
  noteWidths(): void {
    this.owner.shownCount(this.texts.labels, this.view.numbers);
  }

  refit(): void {
    if (!this.element.isConnected) return;
    const shown = this.owner.shownCount(this.texts.labels, this.view.numbers);
    if (shown === this.shown) return;
    this.shown = shown;
    this.element.replaceChildren(...this.owner.lineNodes(this.tags, this.texts, shown, this.view));
  }
}

export const rowTagsStyles = css`
  .tag-measure {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    visibility: hidden;
    pointer-events: none;
    contain: layout;
  }
  .tag-measure .tag-line {
    width: max-content;
  }
`;
