import { fnv1a32, seededRandom } from './random.js';

export const PAGE_PALETTE_SIZE = 10;

/** A stable palette index for a pathname, the same on every endpoint and every render. */
export function pageColor(pathname: string): number {
  return fnv1a32(pathname) % PAGE_PALETTE_SIZE;
}

export type AvatarShape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number; fill: string }
  | { kind: 'path'; d: string; fill: string; stroke?: string; strokeWidth?: number };

export interface AvatarModel {
  /** The viewBox side. */
  size: number;
  background: string;
  shapes: AvatarShape[];
}

function hsl(h: number, s: number, l: number): string {
  return `hsl(${Math.round(h)} ${Math.round(s)}% ${Math.round(l)}%)`;
}

/**
 * A friendly face generated from the seed, as plain data (numbers and colors only, never the
 * seed's text), so it renders with no request and no markup injection.
 */
export function avatarModel(seed: string): AvatarModel {
  const random = seededRandom(seed);
  const hue = random() * 360;
  const size = 64;
  const eyeY = 27 + random() * 4;
  const eyeGap = 9 + random() * 4;
  const eyeR = 2.6 + random() * 1.4;
  const mouthWidth = 10 + random() * 8;
  const smile = 3 + random() * 6;
  const faceHue = (hue + 150 + random() * 60) % 360;
  const ink = hsl(hue, 45, 18);
  const shapes: AvatarShape[] = [
    { kind: 'circle', cx: 32, cy: 36, r: 22 + random() * 3, fill: hsl(faceHue, 70, 78) },
    { kind: 'circle', cx: 32 - eyeGap, cy: eyeY + 6, r: eyeR, fill: ink },
    { kind: 'circle', cx: 32 + eyeGap, cy: eyeY + 6, r: eyeR, fill: ink },
    {
      kind: 'path',
      d: `M ${(32 - mouthWidth / 2).toFixed(1)} 46 Q 32 ${(46 + smile).toFixed(1)} ${(32 + mouthWidth / 2).toFixed(1)} 46`,
      fill: 'none',
      stroke: ink,
      strokeWidth: 2.4,
    },
  ];
  if (random() < 0.5) {
    shapes.push({ kind: 'rect', x: 14, y: 8 + random() * 4, width: 36, height: 8, rx: 4, fill: hsl(hue, 55, 35) });
  }
  return { size, background: hsl(hue, 60, 88), shapes };
}

function shapeToSvg(shape: AvatarShape): string {
  switch (shape.kind) {
    case 'circle':
      return `<circle cx="${shape.cx.toFixed(2)}" cy="${shape.cy.toFixed(2)}" r="${shape.r.toFixed(2)}" fill="${shape.fill}"/>`;
    case 'rect':
      return `<rect x="${shape.x.toFixed(2)}" y="${shape.y.toFixed(2)}" width="${shape.width.toFixed(2)}" height="${shape.height.toFixed(2)}" rx="${shape.rx.toFixed(2)}" fill="${shape.fill}"/>`;
    case 'path':
      return `<path d="${shape.d}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${shape.strokeWidth ?? 1}" stroke-linecap="round"` : ''}/>`;
  }
}

/** The avatar as an SVG document string (built from numbers and colors only). */
export function avatarSvg(seed: string, size = 40): string {
  const model = avatarModel(seed);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${model.size} ${model.size}"><rect width="${model.size}" height="${model.size}" rx="${model.size / 2}" fill="${model.background}"/>${model.shapes.map(shapeToSvg).join('')}</svg>`;
}

/** Up to two letters or digits of a name, upper-cased (Unicode-aware), as a text fallback. */
export function initials(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const pick = (word: string) => Array.from(word).find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '';
  const letters =
    words.length >= 2
      ? pick(words[0]!) + pick(words[1]!)
      : Array.from(words[0] ?? '')
          .filter((c) => /[\p{L}\p{N}]/u.test(c))
          .slice(0, 2)
          .join('');
  return letters.toUpperCase();
}
