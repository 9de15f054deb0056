import { css, unsafeCSS } from 'lit';

/** The gap between chips, which the element also counts when it fits them on the line. */
export const CHIP_GAP_PX = 4;
/** Room kept between the popover and the viewport's edges. */
export const VIEWPORT_MARGIN_PX = 8;
const gap = unsafeCSS(`${CHIP_GAP_PX}px`);
const margins = unsafeCSS(`${2 * VIEWPORT_MARGIN_PX}px`);

/**
 * A tag line's rules (`tag-line.ts`), in `<dozor-user-tags>` and in the list that renders tag lines in its
 * rows; the tokens and base styles come first.
 */
export const tagLineStyles = css`
  /* Clips the chips out of the line (which would otherwise widen a scroll box around it), not the focus ring. */
  .tag-line {
    position: relative;
    display: flex;
    align-items: center;
    gap: ${gap};
    min-width: 0;
    overflow: clip;
    overflow-clip-margin: 4px;
  }
  .tag-line > ul {
    display: flex;
    flex-wrap: nowrap;
    gap: ${gap};
    min-width: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag-chip {
    flex: none;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .tag-chip.buyer {
    background: color-mix(in srgb, var(--_status-online-dot) 20%, var(--_surface));
  }
  /* Out of the line but still measured, so a wider box can bring it back. */
  .tag-chip.overflow {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
  }
  .more {
    flex: none;
    padding: 0 8px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.85em;
    line-height: 1.4;
    white-space: nowrap;
    cursor: pointer;
  }
  .more:hover {
    background: var(--_surface-raised);
  }
  .more:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 1px;
  }
  .more.unused {
    position: absolute;
    visibility: hidden;
  }
  .tags-popover {
    inset: auto;
    margin: 0;
    max-width: min(22rem, calc(100vw - ${margins}));
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
    font-size: 0.9em;
  }
  .tags-popover ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 6px;
  }
  .tags-popover ul:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 4px;
  }
  .tags-popover li {
    display: grid;
    justify-items: start;
    gap: 2px;
  }
  .tags-popover .reason {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;

/** `<dozor-user-tags>`' own box. */
export const userTagsStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  :host([wrap]) .tag-line > ul {
    flex-wrap: wrap;
  }
`;
