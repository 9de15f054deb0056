import { css } from 'lit';
import { markBox } from '../shared/styles.js';

export const sessionJourneyStyles = css`
  .journey {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .step.page {
    display: grid;
    grid-template-columns: 2em 10px minmax(0, 1fr) auto auto;
    align-items: center;
    gap: var(--_space);
    padding: 4px 0;
  }
  .position {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
  }
  .what {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  .path {
    font-size: 0.9em;
  }
  .badge {
    ${markBox}
    color: var(--_accent);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .badge.current {
    border-style: dashed;
  }
  .when,
  .duration {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .duration {
    min-width: 7em;
    text-align: end;
    color: var(--_text);
  }
  .step.gap {
    margin-inline-start: calc(2em + var(--_space) + 4px);
    padding-block: 2px;
    padding-inline: calc(var(--_space) + 4px) 0;
    border-inline-start: 2px dashed var(--_border);
    color: var(--_muted);
    font-size: 0.85em;
    font-style: italic;
  }
  .replay {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .skeleton.line {
    display: block;
    height: 1.4em;
    margin: 6px 0;
  }
  @media (max-width: 480px) {
    .step.page {
      grid-template-columns: 1.5em 10px minmax(0, 1fr) auto;
    }
    .when {
      display: none;
    }
  }
`;
