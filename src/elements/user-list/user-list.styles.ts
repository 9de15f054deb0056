import { css } from 'lit';
import { markBox, spreadRow } from '../shared/styles.js';
import { HEADER_HEIGHT, ROW_HEIGHT } from './row-window.js';

export const userListStyles = css`
  :host {
    display: block;
    /* The windowing maths in row-window.ts use the same constants. */
    --_row-height: ${ROW_HEIGHT}px;
    --_header-height: ${HEADER_HEIGHT}px;
    --_list-height: var(--dozor-list-height, 560px);
  }
  /* The chosen columns' tracks (set on the grid by the element); --dozor-list-columns overrides them. */
  .grid {
    --_columns: var(--dozor-list-columns, var(--_chosen-columns));
  }
  .limitation {
    margin: 0 0 var(--_space);
    color: var(--dozor-muted);
    font-size: 0.875em;
  }
  .grid {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .scroller {
    position: relative;
    max-height: var(--_list-height);
    overflow: auto;
    overscroll-behavior: contain;
  }
  .rows {
    position: relative;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    min-width: var(--_row-min-width);
    height: var(--_row-height);
    box-sizing: border-box;
    border-bottom: 1px solid var(--_border);
  }
  /* The header's row group is what sticks: a sticky box cannot leave its parent, and the header row's
     parent is exactly its own height. */
  .scroller > [role='rowgroup']:first-child {
    position: sticky;
    top: 0;
    z-index: 2;
  }
  .head {
    height: var(--_header-height);
    background: var(--_surface-raised);
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 600;
  }
  .cell {
    min-width: 0;
    padding: 0 12px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .cell.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 4px 0;
    border: 0;
    background: transparent;
    color: inherit;
    font-weight: inherit;
    cursor: pointer;
  }
  /* A long label (another language) is cut with an ellipsis; the arrow stays. */
  .sort {
    max-width: 100%;
  }
  /* Shrink-wrapped like a sort button, so both show how wide their header needs to be (header-fit.ts). */
  .head-label {
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
  }
  .head-label,
  .sort .sort-label,
  .sort .sort-key {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sort .arrow {
    flex: none;
  }
  .sort .sort-key {
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: normal;
  }
  .sort .arrow {
    opacity: 0.35;
  }
  [aria-sort='ascending'] .arrow,
  [aria-sort='descending'] .arrow {
    opacity: 1;
    color: var(--_accent);
  }
  .body-row {
    position: absolute;
    left: 0;
    right: 0;
    cursor: pointer;
  }
  .body-row:hover {
    background: var(--_surface-raised);
  }
  /* Not the accent-soft of the tags and badges inside it, which would vanish into it. */
  .body-row[aria-selected='true'] {
    background: var(--_surface-raised);
  }
  /* The User column stays in view while the grid scrolls sideways (narrow screens): opaque, over the rest. */
  .row > .cell:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    align-self: stretch;
    display: flex;
    align-items: center;
    background: var(--_surface);
  }
  .row > .cell:first-child > * {
    min-width: 0;
  }
  .head > .cell:first-child {
    background: var(--_surface-raised);
  }
  .body-row:hover > .cell:first-child,
  .body-row[aria-selected='true'] > .cell:first-child {
    background: var(--_surface-raised);
  }
  .body-row[aria-selected='true'] > .cell:first-child {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .cell:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: -2px;
  }
  .user {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .user .names {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .user .name {
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 600;
    color: var(--_text);
    text-decoration: none;
  }
  a.name:hover {
    text-decoration: underline;
  }
  .name-line {
    display: flex;
    align-items: baseline;
    gap: 6px;
    min-width: 0;
  }
  .name-line .name {
    min-width: 0;
  }
  .truncated-note {
    ${markBox}
    border-color: var(--_border);
    color: var(--_muted);
  }
  .subtitle {
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .trait-value {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .avatar {
    flex: none;
    border-radius: 50%;
  }
  .project {
    display: inline-block;
    max-width: 100%;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_surface-sunken);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
  }
  .skeleton-row .skeleton {
    height: 0.9em;
    width: 70%;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 5) var(--_space);
    text-align: center;
    color: var(--_muted);
  }
  .state strong {
    color: var(--_text);
    font-size: 1.05em;
  }
  .footer {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    padding: var(--_space);
    min-height: 40px;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .banner {
    ${spreadRow}
    padding: 6px 12px;
    background: var(--_accent-soft);
    font-size: 0.9em;
  }
  progress {
    width: 120px;
  }
  .error-state {
    margin: var(--_space);
  }
`;
