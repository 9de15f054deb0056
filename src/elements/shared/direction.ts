/** Whether `element` is laid out right to left (`dir="rtl"` on it or an ancestor, or CSS `direction`). */
export function isRightToLeft(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}
