import { css } from 'lit';

export const sessionsTimelineStyles = css`
  :host {
    --_lane-height: var(--dozor-timeline-lane-height, 22px);
    --_lane-gap: 4px;
    --_session-open: var(--dozor-session-open, #047857);
  }
  :host([data-scheme='dark']) {
    --_session-open: var(--dozor-session-open, #34d399);
  }
  .chart {
    position: relative;
    display: grid;
    gap: var(--_lane-gap);
  }
  .lane {
    height: var(--_lane-height);
    border-radius: var(--_radius-small);
    background: var(--_chart-empty);
  }
  .bar {
    position: absolute;
    top: calc(var(--_lane) * (var(--_lane-height) + var(--_lane-gap)));
    height: var(--_lane-height);
    min-width: 3px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-small);
    background: var(--_chart-bar);
    opacity: 0.75;
    overflow: hidden;
    cursor: pointer;
    font: inherit;
  }
  .bar:hover,
  .bar:focus-visible {
    opacity: 1;
  }
  .bar:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
    z-index: 1;
  }
  .bar.open {
    background: repeating-linear-gradient(
        -45deg,
        transparent 0 4px,
        rgb(255 255 255 / 0.35) 4px 6px
      )
      right / 12px 100% no-repeat,
      var(--_session-open);
  }
  .pages {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 4px;
  }
  .pages span {
    position: absolute;
    top: 0;
    bottom: 0;
  }
  .axis {
    position: relative;
    height: 1.4em;
    margin-top: 4px;
    color: var(--_muted);
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    container-type: inline-size;
  }
  .axis span {
    position: absolute;
    top: 0;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  .axis span:first-child {
    transform: none;
  }
  .axis span:last-child {
    transform: translateX(-100%);
  }
  /* A label ("08:46 PM") is ~5em wide and wants ~1em clear on each side; the first and last are
     aligned to the ends. Seven need ~50em; narrower, every other one, then the ends and the middle,
     then the ends only (em: the axis's own font size). */
  @container (max-width: 50em) {
    .axis span:nth-child(even) {
      display: none;
    }
  }
  @container (max-width: 25em) {
    .axis span:nth-child(n) {
      display: none;
    }
    .axis span:nth-child(3n + 1) {
      display: inline;
    }
  }
  @container (max-width: 16.5em) {
    .axis span:nth-child(4) {
      display: none;
    }
  }
  .tooltip {
    top: calc((var(--_lane) + 1) * (var(--_lane-height) + var(--_lane-gap)));
    margin-top: 4px;
    min-width: 12rem;
  }
  .tooltip-id {
    font-family: var(--_font-mono);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tooltip-time,
  .hint {
    color: var(--_muted);
  }
  .tooltip li {
    gap: 6px;
  }
  .hint {
    margin-top: 4px;
  }
  .dot {
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
  }
  .empty {
    display: grid;
    place-items: center;
    min-height: 80px;
    padding: 0;
  }
  .lanes-skeleton {
    display: block;
    height: calc(var(--_lane-height) * 2 + var(--_lane-gap));
  }
  .meta-skeleton {
    width: 10rem;
  }
  .journey-panel.open {
    margin-top: calc(var(--_space) * 2);
  }
`;
