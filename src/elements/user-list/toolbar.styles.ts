import { css } from 'lit';
import { controlBox } from '../shared/styles.js';

/** The toolbar: search, filters, the column and view menus, the count and the export. */
export const toolbarStyles = css`
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
`;
