import { css } from 'lit';

export const sessionsTableStyles = css`
      :host {
        display: block;
        min-width: 0;
      }
      /* The fixed columns and at least 10em of entry page; narrower, the table scrolls in its card. The
         columns widened for their text (table-column-fit.ts) add to it. */
      table {
        min-width: calc(54em + var(--_fit-added, 0px));
      }
      /* Its column widens to fit it: a duration reads on one line. */
      .num.duration {
        white-space: nowrap;
      }
      .col-id {
        width: 9em;
      }
      .col-started {
        width: max(10.5em, var(--_fit, 0px));
      }
      .col-device {
        width: max(13em, var(--_fit, 0px));
      }
      .col-duration {
        width: max(5.5em, var(--_fit, 0px));
      }
      .col-events {
        width: max(4.5em, var(--_fit, 0px));
      }
      .col-toggle {
        width: 2.75rem;
      }
      .stacked {
        display: grid;
        min-width: 0;
      }
      .stacked > * {
        min-width: 0;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .second,
      .second dozor-relative-time {
        color: var(--_muted);
        font-size: 0.85em;
      }
      .second dozor-relative-time {
        font-size: inherit;
      }
      .mono {
        font-family: var(--_font-mono);
      }
      .toggle {
        display: inline-grid;
        place-items: center;
        width: 28px;
        height: 28px;
        padding: 0;
        border: 1px solid transparent;
        border-radius: var(--_radius-small);
        background: none;
        cursor: pointer;
      }
      .toggle:hover {
        border-color: var(--_border);
      }
      .toggle .chevron {
        transition: transform 0.15s;
      }
      .toggle[aria-expanded='true'] .chevron {
        transform: rotate(90deg);
      }
      tr.journey-row > td {
        padding: var(--_space) 0 calc(var(--_space) * 1.5);
      }
      dozor-session-journey::part(card) {
        border-style: dashed;
        background: var(--_surface-sunken);
      }
      .id {
        display: inline-block;
        max-width: 100%;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        vertical-align: bottom;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_accent);
        font: inherit;
        font-family: var(--_font-mono);
        text-align: start;
        text-decoration: none;
        cursor: pointer;
      }
      .id:hover {
        text-decoration: underline;
      }
      .actions {
        display: flex;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 1.5);
      }
      .skeleton.line {
        display: block;
        height: 1.6em;
        margin: 6px 0;
      }
    `;
