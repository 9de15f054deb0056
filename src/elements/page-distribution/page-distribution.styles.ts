import { css } from 'lit';

export const pageDistributionStyles = css`
  :host {
    display: block;
    min-width: 0;
    container-type: inline-size;
  }
  /* The pathname keeps at least 8em; narrower, the table scrolls in its card with # and Page pinned. The
     columns widened for their text (table-column-fit.ts) add to it. */
  table {
    --_index-width: 3em;
    min-width: calc(33.5em + var(--_fit-added, 0px));
  }
  tr > :nth-child(-n + 2) {
    position: sticky;
    z-index: 1;
    background: var(--_surface);
  }
  tr > :first-child {
    inset-inline-start: 0;
  }
  tr > :nth-child(2) {
    inset-inline-start: var(--_index-width);
  }
  .col-index {
    width: var(--_index-width);
  }
  .col-time {
    width: max(7em, var(--_fit, 0px));
  }
  .col-share {
    width: max(10em, var(--_fit, 0px));
  }
  .col-visits {
    width: max(5.5em, var(--_fit, 0px));
  }
  .index {
    color: var(--_muted);
  }
  .page {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  .dot {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_dot);
  }
  .path {
    font-size: 0.9em;
  }
  .share {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .share-value {
    min-width: 3.2em;
    text-align: end;
  }
  .bar {
    flex: none;
    width: 4em;
    height: 6px;
    border-radius: 3px;
    background: var(--_chart-empty);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    width: var(--_share);
    border-radius: inherit;
    background: var(--_chart-bar);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 1.5);
  }
  .actions:empty {
    display: none;
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .skeleton.line {
    display: block;
    height: 1.1em;
    margin: 10px 0;
  }
  .skeleton.meta-skeleton {
    width: 5em;
  }
  /* Last, to override the widths above. A phone: narrower figures, the share as a number only. */
  @container (max-width: 34em) {
    table {
      --_index-width: 2.25em;
      min-width: calc(24em + var(--_fit-added, 0px));
    }
    th,
    td {
      padding-inline: 6px;
    }
    .col-time {
      width: max(5.5em, var(--_fit, 0px));
    }
    .col-share {
      width: max(3.75em, var(--_fit, 0px));
    }
    .col-visits {
      width: max(4.5em, var(--_fit, 0px));
    }
    .bar {
      display: none;
    }
  }
`;
