// The story test's layout rules, measured from bounding boxes in the page (passed to `page.evaluate`, so
// this function must stay self-contained). Under `rootSelector`, through every shadow root, each line of
// visible text is a box; the rules:
// - no two text boxes of one layer overlap (an open popover, or a positioned box with a z-index such as an open
//   menu, is a layer of its own: it is drawn over the page on purpose);
// - a text box stays inside its row (`tr`, `[role=row]`) and its card (`.card`, `[part~=card]`);
// - a text cut by an `overflow: hidden` box (an ellipsis) still shows at least ~3em of itself, and is
//   not cut vertically;
// - a column header (`thead th`, `[role=columnheader]`) is the interface's own word: it is never cut at all, and
//   stays inside its cell;
// - the document does not scroll sideways.
// A scroll box (overflow auto / scroll) clips without counting as a cut: its content is reachable.
// Returns a list of problems (strings), at most `limit`.
export function checkLayout({ rootSelector, limit = 6 }) {
  const problems = [];
  const report = (message) => {
    if (problems.length < limit) problems.push(message);
  };
  const viewportWidth = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > viewportWidth + 1) report(`the document scrolls sideways (${scrollWidth}px wide in ${viewportWidth}px)`);

  const parentOf = (node) => {
    if (node.assignedSlot) return node.assignedSlot;
    const parent = node.parentNode;
    return parent instanceof ShadowRoot ? parent.host : parent;
  };
  const intersect = (a, b) => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    const right = Math.min(a.right, b.right);
    const bottom = Math.min(a.bottom, b.bottom);
    return { left, top, right, bottom, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  };
  const describe = (element) => {
    const parts = [];
    for (let node = element; node && parts.length < 3; node = parentOf(node)) {
      if (!(node instanceof Element)) continue;
      if (node.localName.includes('-')) {
        parts.push(node.localName);
        break;
      }
      const part = node.getAttribute('part');
      if (part) parts.push(`[part=${part}]`);
      else if (node.classList.length > 0) parts.push(`.${node.classList[0]}`);
    }
    return parts.reverse().join(' ');
  };
  const quote = (text) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

  const styles = new Map();
  const style = (element) => {
    let computed = styles.get(element);
    if (!computed) {
      computed = getComputedStyle(element);
      styles.set(element, computed);
    }
    return computed;
  };

  const boxes = [];
  const root = document.querySelector(rootSelector);
  if (!root) return [`no ${rootSelector}`];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.trim() !== '') measure(node);
      return;
    }
    if (!(node instanceof Element) || ['script', 'style', 'template', 'noscript'].includes(node.localName)) return;
    // (`display: contents` boxes, such as the provider, count as invisible yet render their children.)
    if (style(node).display !== 'contents' && !node.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return;
    // A host renders its shadow tree; its light children render only through slots, visited there.
    if (node.shadowRoot) {
      for (const child of node.shadowRoot.childNodes) visit(child);
      return;
    }
    if (node.localName === 'slot') {
      const assigned = node.assignedNodes({ flatten: true });
      if (assigned.length > 0) {
        for (const child of assigned) visit(child);
        return;
      }
    }
    for (const child of node.childNodes) visit(child);
  };

  function measure(text) {
    const element = text.parentElement ?? parentOf(text);
    if (!(element instanceof Element)) return;
    const fontSize = parseFloat(style(element).fontSize) || 14;
    // Clip by every overflow box above; remember whether a real one (not a scroll box) cut the text.
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const line of range.getClientRects()) {
      if (line.width < 1 || line.height < 1) continue;
      let visible = line;
      // What the real cuts alone leave, and the axes they cut first (a box within a scroll box's edge
      // cuts nothing more there: a row half scrolled out of view is not cut).
      let uncut = line;
      const cut = { x: false, y: false };
      let container = null;
      let headerCell = null;
      let hiddenBy = null;
      for (let node = element; node && node !== document.documentElement; node = parentOf(node)) {
        if (!(node instanceof Element)) continue;
        if (!container && (node.matches('tr, [role="row"], .card') || /(^|\s)card(\s|$)/.test(node.getAttribute('part') ?? '')))
          container = node;
        if (!headerCell && node.matches('thead th, [role="columnheader"]')) headerCell = node;
        const computed = style(node);
        const clipsX = computed.overflowX !== 'visible';
        const clipsY = computed.overflowY !== 'visible';
        if (!clipsX && !clipsY) continue;
        const box = node.getBoundingClientRect();
        const clip = {
          left: clipsX ? box.left : -Infinity,
          right: clipsX ? box.right : Infinity,
          top: clipsY ? box.top : -Infinity,
          bottom: clipsY ? box.bottom : Infinity,
        };
        const before = visible;
        visible = intersect(visible, clip);
        // A scroll box's content is reachable; a clipped box of a pixel or two is visually hidden text
        // (for screen readers), by design. Any other box that cuts text is a real cut.
        const scrolls = /auto|scroll/.test(computed.overflowX + computed.overflowY);
        const visuallyHidden = computed.clip !== 'auto' || (box.width <= 2 && box.height <= 2);
        const real = !scrolls && !visuallyHidden;
        if (visible.width <= 1 || visible.height <= 1) {
          hiddenBy = real ? node : 'design';
          break;
        }
        if (!real) continue;
        uncut = intersect(uncut, clip);
        if (visible.width < before.width - 1) cut.x = true;
        if (visible.height < before.height - 1) cut.y = true;
      }
      if (hiddenBy === 'design') continue;
      if (hiddenBy) {
        report(`${quote(text.data.trim())} is hidden entirely (in ${describe(element)})`);
        continue;
      }
      if (cut.x && uncut.width < Math.min(line.width, 3 * fontSize) - 1) {
        report(
          `${quote(text.data.trim())} is cut to ${Math.round(uncut.width)}px of ${Math.round(line.width)}px (in ${describe(element)})`,
        );
      }
      if (cut.y && uncut.height < line.height - 2) report(`${quote(text.data.trim())} is cut vertically (in ${describe(element)})`);
      if (headerCell) {
        const cell = headerCell.getBoundingClientRect();
        if ((cut.x && uncut.width < line.width - 1) || line.left < cell.left - 1 || line.right > cell.right + 1)
          report(`the header ${quote(text.data.trim())} does not fit its cell (in ${describe(element)})`);
      }
      if (container) {
        const outer = container.getBoundingClientRect();
        if (
          visible.left < outer.left - 1 ||
          visible.right > outer.right + 1 ||
          visible.top < outer.top - 1 ||
          visible.bottom > outer.bottom + 1
        ) {
          report(
            `${quote(text.data.trim())} leaves its ${container.matches('tr, [role="row"]') ? 'row' : 'card'} (in ${describe(element)})`,
          );
        }
      }
      boxes.push({ rect: visible, text: text.data.trim(), node: text, element, layer: layerOf(element) });
    }
  }
  /** The nearest box drawn over the page on purpose: an open popover, or a positioned box with a z-index. */
  function layerOf(element) {
    for (let node = element; node && node !== document.documentElement; node = parentOf(node)) {
      if (!(node instanceof Element)) continue;
      if (node.matches(':popover-open')) return node;
      const computed = style(node);
      if ((computed.position === 'absolute' || computed.position === 'fixed') && computed.zIndex !== 'auto') return node;
    }
    return null;
  }

  visit(root);

  // Overlaps: sort by left edge and compare only boxes whose horizontal spans meet.
  boxes.sort((a, b) => a.rect.left - b.rect.left);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].rect.left < a.rect.right - 1; j++) {
      const b = boxes[j];
      if (b.node === a.node || b.layer !== a.layer) continue; // the lines of one text; a layer above the other
      const overlap = intersect(a.rect, b.rect);
      if (overlap.width > 1 && overlap.height > 1)
        report(`${quote(a.text)} overlaps ${quote(b.text)} (in ${describe(a.element)} / ${describe(b.element)})`);
    }
  }
  return problems;
}
