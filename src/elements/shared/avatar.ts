import { avatarModel, type AvatarShape } from '../../core/index.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Avatars drawn so far, by seed and size: a row shows a clone (one native copy, no template to bind). */
const drawn = new Map<string, SVGSVGElement>();
/** Seeds are users: past this many, the oldest drawings are forgotten. */
const MAX_DRAWN = 1000;

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function shapeElement(shape: AvatarShape): SVGElement {
  switch (shape.kind) {
    case 'circle':
      return svgElement('circle', { cx: shape.cx, cy: shape.cy, r: shape.r, fill: shape.fill });
    case 'rect':
      return svgElement('rect', { x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: shape.rx, fill: shape.fill });
    case 'path':
      return svgElement('path', {
        d: shape.d,
        fill: shape.fill,
        stroke: shape.stroke ?? 'none',
        'stroke-width': shape.strokeWidth ?? 0,
        'stroke-linecap': 'round',
      });
  }
}

function draw(seed: string, size: number): SVGSVGElement {
  const model = avatarModel(seed);
  const root = svgElement('svg', {
    part: 'avatar',
    class: 'avatar',
    width: size,
    height: size,
    viewBox: `0 0 ${model.size} ${model.size}`,
    role: 'presentation',
    'aria-hidden': 'true',
    focusable: 'false',
  }) as SVGSVGElement;
  root.append(
    svgElement('rect', { width: model.size, height: model.size, rx: model.size / 2, fill: model.background }),
    ...model.shapes.map(shapeElement),
  );
  return root;
}

/**
 * The locally generated avatar (no request, ever) for a seed such as `${projectId}:${externalId}`:
 * decorative, or an image named `label`. Built from numbers and colours with DOM calls (no markup is
 * parsed), once per seed and size; each call returns a copy.
 */
export function renderAvatar(seed: string, options: { size?: number; label?: string } = {}): SVGSVGElement {
  const size = options.size ?? 32;
  const key = `${size}:${seed}`;
  let original = drawn.get(key);
  if (original)
    drawn.delete(key); // kept as the newest
  else original = draw(seed, size);
  drawn.set(key, original);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  const copy = original.cloneNode(true) as SVGSVGElement;
  if (options.label) {
    copy.setAttribute('role', 'img');
    copy.setAttribute('aria-hidden', 'false');
    copy.setAttribute('aria-label', options.label);
  }
  return copy;
}
