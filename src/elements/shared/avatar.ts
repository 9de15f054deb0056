import { html, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { avatarModel, type AvatarShape } from '../../core/index.js';

function renderShape(shape: AvatarShape) {
  switch (shape.kind) {
    case 'circle':
      return svg`<circle cx=${shape.cx} cy=${shape.cy} r=${shape.r} fill=${shape.fill}></circle>`;
    case 'rect':
      return svg`<rect x=${shape.x} y=${shape.y} width=${shape.width} height=${shape.height} rx=${shape.rx} fill=${shape.fill}></rect>`;
    case 'path':
      return svg`<path d=${shape.d} fill=${shape.fill} stroke=${shape.stroke ?? 'none'} stroke-width=${shape.strokeWidth ?? 0} stroke-linecap="round"></path>`;
  }
}

/**
 * The locally generated avatar (no request, ever) for a seed such as `${projectId}:${externalId}`.
 * Decorative by default; pass a `label` to give it an accessible name.
 */
export function renderAvatar(seed: string, options: { size?: number; label?: string } = {}): TemplateResult {
  const model = avatarModel(seed);
  const size = options.size ?? 32;
  const label = options.label;
  // The outer <svg> must come from an html template; its children from svg ones.
  return html`<svg part="avatar" class="avatar" width=${size} height=${size} viewBox="0 0 ${model.size} ${model.size}"
    role=${label ? 'img' : 'presentation'} aria-hidden=${label ? 'false' : 'true'} aria-label=${ifDefined(label || undefined)} focusable="false">
    ${svg`<rect width=${model.size} height=${model.size} rx=${model.size / 2} fill=${model.background}></rect>`}
    ${model.shapes.map(renderShape)}
  </svg>`;
}
