// Over 400 lines: one stylesheet for the grid, the toolbar and its menus, which share the row height and the list's custom properties.
import { css } from 'lit';
import { controlBox, markBox, spreadRow } from '../shared/styles.js';
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
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
    container-type: inline-size;
  }
  /* On a phone the controls pair up in equal halves under the search, instead of rows of uneven widths. */
  @container (max-width: 480px) {
    .toolbar > details.filter,
    .toolbar > .button {
      flex: 1 1 calc(50% - var(--_space) / 2);
      min-width: 0;
      justify-content: center;
    }
    /* A select cannot wrap its text: it keeps its width, and takes a row of its own when that is over half. */
    .toolbar > select {
      flex: 1 1 calc(50% - var(--_space) / 2);
      min-width: max-content;
    }
    .toolbar > details.filter > summary {
      box-sizing: border-box;
      width: 100%;
      min-width: 0;
    }
    .toolbar > .count {
      white-space: normal;
      text-align: end;
    }
  }
  .search {
    position: relative;
    flex: 1 1 220px;
    display: flex;
  }
  /* A placeholder longer than the box (another language) ends in an ellipsis, not mid-letter. */
  .search input {
    flex: 1;
    min-height: 32px;
    padding: 4px 32px 4px 10px;
    text-overflow: ellipsis;
    ${controlBox}
  }
  .search input::-webkit-search-cancel-button {
    display: none;
  }
  .search .clear {
    position: absolute;
    inset-inline-end: 2px;
    top: 2px;
    min-height: 28px;
    border: 0;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
    padding: 0 8px;
  }
  details.filter {
    position: relative;
  }
  /* Room for "All projects" / "Projects (12)" alike, so choosing a filter does not move the controls beside it. */
  details.filter > summary {
    list-style: none;
    min-width: 9em;
    justify-content: center;
    font-variant-numeric: tabular-nums;
  }
  details.filter > summary::-webkit-details-marker {
    display: none;
  }
  details.filter[open] > summary {
    background: var(--_surface-raised);
  }
  .filter-menu {
    position: absolute;
    z-index: 3;
    top: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: 200px;
    max-height: 280px;
    overflow: auto;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  .filter-menu legend {
    padding: 0;
    margin-bottom: 4px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .filter-menu label {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px 2px;
    cursor: pointer;
    white-space: nowrap;
  }
  /* Their buttons sit near the toolbar's end: these menus open towards its start (MenuPlacement moves one that would still leave the list). */
  .columns-menu,
  .views-menu {
    inset-inline-start: auto;
    inset-inline-end: 0;
    display: grid;
    gap: var(--_space);
    min-width: 260px;
    max-height: 360px;
  }
  .menu-list {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .menu-list li {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .menu-list label {
    flex: 1;
    min-width: 0;
  }
  .move {
    min-width: 28px;
    min-height: 28px;
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .move:hover:not(:disabled) {
    border-color: var(--_border);
  }
  .view-pick {
    flex: 1;
    text-align: start;
  }
  .view-pick[aria-current='true'],
  .move[aria-pressed='true'] {
    font-weight: 600;
  }
  .move[aria-pressed='true'] {
    border-color: var(--_accent);
  }
  .menu-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 2px 0 10px;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    font-size: 0.9em;
  }
  .move:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .menu-form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 6px;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .filter-menu .menu-form label {
    display: grid;
    flex: 1;
    gap: 2px;
    padding: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .menu-form input {
    min-height: 28px;
    padding: 2px 6px;
    ${controlBox}
  }
  .trait-value {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  select {
    min-height: 32px;
    padding: 4px 8px;
    ${controlBox}
  }
  .count {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.9em;
    white-space: nowrap;
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
