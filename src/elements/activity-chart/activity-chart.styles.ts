import { css } from 'lit';

/**
 * The few rules of uPlot's stylesheet the chart needs (uPlot renders inside the shadow root, where
 * a document stylesheet cannot reach): layering of the canvas and the cursor overlay. The legend,
 * title and selection rules are left out because the chart does not use them.
 */
export const uplotStyles = css`
  .uplot,
  .uplot *,
  .uplot *::before,
  .uplot *::after {
    box-sizing: border-box;
  }
  .uplot {
    font-family: var(--_font);
    line-height: 1.5;
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-select,
  .u-cursor-x,
  .u-cursor-y,
  .u-cursor-pt {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
  }
  .u-axis.u-off,
  .u-select,
  .u-cursor-x,
  .u-cursor-y,
  .u-cursor-pt {
    display: none;
  }
`;

export const activityChartStyles = css`
  :host {
    /* The plot area inside the canvas: the y axis on the left, a small gutter on the right. Kept in
       sync with the uPlot options (Y_AXIS_PX, PLOT_PADDING) so HTML overlays line up with the bars. */
    --_plot-left: 44px;
    --_plot-right: 8px;
    --_plot-top: 8px;
    --_plot-bottom: 8px;
    --_chart-height: var(--dozor-activity-chart-height, 192px);
  }
  .frame {
    position: relative;
  }
  .plot {
    height: var(--_chart-height);
    min-width: 0;
    overflow: hidden;
    border-radius: var(--_radius-small);
    cursor: crosshair;
  }
  .plot:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .highlight {
    position: absolute;
    top: var(--_plot-top);
    bottom: var(--_plot-bottom);
    left: calc(var(--_plot-left) + (100% - var(--_plot-left) - var(--_plot-right)) * var(--_x));
    width: max(2px, calc((100% - var(--_plot-left) - var(--_plot-right)) * var(--_w)));
    border-radius: var(--_radius-small);
    background: var(--_accent-soft);
    outline: 1px solid var(--_accent);
    opacity: 0.55;
    pointer-events: none;
  }
  .tooltip {
    top: var(--_plot-top);
    left: calc(var(--_plot-left) + (100% - var(--_plot-left) - var(--_plot-right)) * var(--_x));
    transform: translateX(var(--_shift));
  }
  .tooltip-time {
    color: var(--_muted);
    white-space: nowrap;
  }
  .tooltip-count {
    font-weight: 600;
  }
  .tooltip li {
    justify-content: space-between;
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .x-axis {
    position: relative;
    height: 1.5em;
    margin: 2px var(--_plot-right) 0 var(--_plot-left);
    color: var(--_muted);
    font-size: 0.75em;
    container-type: inline-size;
  }
  .tick {
    position: absolute;
    top: 0;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  /* A label ("08:46 PM") is ~5em wide and wants ~1em clear on each side; the first and last are
     aligned to the ends. Seven need ~50em; narrower, every other one, then the ends and the middle,
     then the ends only (em: the axis's own font size). */
  @container (max-width: 50em) {
    .tick:nth-child(even) {
      display: none;
    }
  }
  @container (max-width: 25em) {
    .tick:nth-child(n) {
      display: none;
    }
    .tick:nth-child(3n + 1) {
      display: inline;
    }
  }
  @container (max-width: 16.5em) {
    .tick:nth-child(4) {
      display: none;
    }
  }
  .empty {
    display: grid;
    place-items: center;
    height: var(--_chart-height);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius-small);
    color: var(--_muted);
    text-align: center;
    padding: var(--_space);
  }
  .skeleton.plot-skeleton {
    display: block;
    height: var(--_chart-height);
  }
  /* Over the plot while uPlot is fetched: the axis labels and the data are there already. */
  .frame > .skeleton.plot-skeleton {
    position: absolute;
    inset: 0 0 auto;
  }
  .skeleton.meta-skeleton {
    width: 6em;
  }
`;
