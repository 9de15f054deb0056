/** How many px an element's content runs past its box sideways: 0 when it fits. */
export function overflowWidth(element: Element): number {
  return Math.max(0, element.scrollWidth - element.clientWidth);
}

/**
 * A whole width that shows `width` px of content in full: `scrollWidth` rounds, so one pixel more keeps
 * a content that needs a fraction of one from its ellipsis.
 */
export function widthToFit(width: number): number {
  return Math.ceil(width + 1);
}

/**
 * Where a box `width` wide that starts at `start` goes to lie between `min` and `max`: moved in as little
 * as it can, and kept at `min` when it is wider than the room.
 */
export function startWithin(start: number, width: number, min: number, max: number): number {
  return Math.max(min, Math.min(start, max - width));
}
