import { css } from 'lit';
import { spreadRow } from './styles.js';

// The profile blocks' shared rules (cards, tooltips, page colors, tables), apart from styles.ts so that a
// host bundling only the list or the KPI strip does not carry them (a css`` call is never tree-shaken).

/** A titled block (chart, table, timeline): the bordered card, its heading row and muted meta text. */
export const cardStyles = css`
  .card {
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 2);
  }
  .head {
    ${spreadRow}
    align-items: baseline;
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .head h2 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    margin: 0;
    padding: calc(var(--_space) * 3) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius-small);
    color: var(--_muted);
    text-align: center;
  }
  /* \`middleTruncated(id)\`: the start gives way, the end stays. */
  .middle-truncated {
    display: inline-flex;
    max-width: 100%;
    min-width: 0;
    vertical-align: bottom;
    white-space: nowrap;
  }
  .middle-truncated > .start {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .middle-truncated > .end {
    flex: none;
  }
  /* A pathname or id: monospace, cut with an ellipsis (the full text stays in the DOM). */
  .path {
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-family: var(--_font-mono);
  }
`;

/** A chart's hover card (the element positions it): raised surface, small text, a ruled list. */
export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    min-width: 10rem;
    max-width: min(22rem, 90%);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-raised);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
    color: var(--_text);
    font-size: 0.85em;
    pointer-events: none;
  }
  .tooltip ul {
    display: grid;
    gap: 2px;
    margin: 4px 0 0;
    padding: 4px 0 0;
    border-top: 1px solid var(--_border);
    list-style: none;
  }
  .tooltip li {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
`;

/** The page palette (reference §3.5), indexed by core `pageColor(pathname)`. */
export const pagePaletteStyles = css`
  :host {
    --_page-0: var(--dozor-page-color-0, #8b5cf6);
    --_page-1: var(--dozor-page-color-1, #3b82f6);
    --_page-2: var(--dozor-page-color-2, #10b981);
    --_page-3: var(--dozor-page-color-3, #f59e0b);
    --_page-4: var(--dozor-page-color-4, #f43f5e);
    --_page-5: var(--dozor-page-color-5, #06b6d4);
    --_page-6: var(--dozor-page-color-6, #ec4899);
    --_page-7: var(--dozor-page-color-7, #14b8a6);
    --_page-8: var(--dozor-page-color-8, #f97316);
    --_page-9: var(--dozor-page-color-9, #6366f1);
  }
`;

/** A data table inside a card: full width, ruled rows, muted uppercase headers, numeric columns. */
export const tableStyles = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    padding: 6px var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
  }
  tbody th {
    font-weight: normal;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  thead th {
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* A duration may be long in words ("16 Min., 59 Sek."): it wraps between its units, not into the next column. */
  .num.duration {
    white-space: normal;
  }
`;
