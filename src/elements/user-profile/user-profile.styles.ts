import { css } from 'lit';
import { pillBox, spreadRow } from '../shared/styles.js';

export const profileStyles = css`
  :host {
    --_gap: calc(var(--_space) * 3);
  }
  /* One column that may shrink below its blocks' content (a wide table scrolls inside its card). */
  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-width: 0;
    container-type: inline-size;
  }
  .toolbar {
    ${spreadRow}
  }
  .adjacent {
    display: flex;
    gap: 6px;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
  }
  .identity {
    flex: 1 1 16rem;
    display: grid;
    gap: 6px;
    min-width: 0;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  h2 {
    margin: 0;
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    /* A heading in the text color: the accent and monospace made it read as a link. */
    font-size: 1.35em;
    font-weight: 650;
    color: var(--_text);
  }
  .id-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
    min-width: 0;
  }
  .id-row code {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding: 1px 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-raised);
    color: var(--_text);
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    max-width: 20rem;
    ${pillBox}
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .online {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .online.is-online {
    color: var(--_status-online);
  }
  .dot {
    position: relative;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_status-dormant-dot);
  }
  .is-online .dot {
    background: var(--_status-online-dot);
  }
  .is-online .dot::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    background: var(--_status-online-dot);
    animation: dozor-ping 1.5s cubic-bezier(0, 0, 0.2, 1) infinite;
  }
  @keyframes dozor-ping {
    75%,
    100% {
      transform: scale(2.2);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .is-online .dot::after {
      animation: none;
      display: none;
    }
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 40rem) {
    .stats {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  @container (min-width: 64rem) {
    .stats {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
  }
  /* A card beside a taller one (a duration on two lines) keeps its lines at the top. */
  .stat {
    display: grid;
    align-content: start;
    gap: 2px;
    min-width: 0;
    padding: calc(var(--_space) * 1.5);
  }
  .stat-label {
    color: var(--_muted);
    font-size: 0.85em;
  }
  /* A count never breaks; a duration too long for its card ("17 Min., 53 Sek." on a phone) wraps between
     its units rather than lose one. */
  .stat-value {
    font-size: 1.35em;
    font-weight: 600;
    text-wrap: balance;
  }
  .stat-value.mono {
    font-size: 1em;
    line-height: 1.9;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .stat-sub {
    color: var(--_muted);
    font-size: 0.8em;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .empty-state {
    display: grid;
    justify-items: start;
    gap: var(--_space);
  }
  .empty-state h2 {
    font-family: var(--_font);
    color: var(--_text);
  }
  .empty-state p {
    margin: 0;
    color: var(--_muted);
  }
  .empty-state .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  a.button {
    text-decoration: none;
  }
  .skeleton.avatar {
    width: 48px;
    height: 48px;
    border-radius: 50%;
  }
  .skeleton.line {
    width: 12rem;
    height: 1.2em;
  }
  .skeleton.short {
    width: 6rem;
  }
  .skeleton.value {
    width: 4rem;
    height: 1.35em;
  }
`;
