// Contender "floor": the same grid, rows and CSS written with one innerHTML per render (and per scroll
// window), no framework and no per-row objects kept: what the DOM itself costs.
import type { TrackedUserListItem } from '../../src/backend/index.js';
import type { AvatarShape } from '../../src/core/index.js';
import { runListBench } from './harness.js';
import { COLUMN_LABELS, ROW_HEIGHT, rowView, visibleRange } from './row-view.js';
import { listStyleSheets } from './list-css.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function shapeHtml(shape: AvatarShape): string {
  switch (shape.kind) {
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}"></circle>`;
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.rx}" fill="${shape.fill}"></rect>`;
    case 'path':
      return `<path d="${shape.d}" fill="${shape.fill}" stroke="${shape.stroke ?? 'none'}" stroke-width="${shape.strokeWidth ?? 0}" stroke-linecap="round"></path>`;
  }
}

function rowHtml(user: TrackedUserListItem, index: number, now: number): string {
  const v = rowView(user, 'en', now);
  const cell = (column: number, content: string, extra = '') =>
    `<div class="cell ${extra}" part="cell" role="gridcell" tabindex="${index === 0 && column === 0 ? 0 : -1}">${content}</div>`;
  const avatar = `<svg part="avatar" class="avatar" width="32" height="32" viewBox="0 0 ${v.avatar.size} ${v.avatar.size}" role="presentation" aria-hidden="true" focusable="false"><rect width="${v.avatar.size}" height="${v.avatar.size}" rx="${v.avatar.size / 2}" fill="${v.avatar.background}"></rect>${v.avatar.shapes.map(shapeHtml).join('')}</svg>`;
  const names = `<span class="name" part="name" title="${escape(v.name)}">${escape(v.name)}</span>${v.externalId !== null ? `<span class="subtitle mono" title="${escape(v.externalId)}">${escape(v.externalId)}</span>` : ''}${v.email !== null ? `<span class="subtitle" title="${escape(v.email)}">${escape(v.email)}</span>` : ''}`;
  const badge = `<span class="badge ${v.status}" part="badge" title="${escape(v.statusDescription)}"><span class="dot" part="dot" aria-hidden="true"></span><span part="label">${escape(v.statusLabel)}</span><span class="visually-hidden">: ${escape(v.statusDescription)}</span></span>`;
  const tags =
    v.tags.length === 0
      ? ''
      : `<ul part="tags" aria-label="Tags">${v.tags.map((tag) => `<li class="${tag.id}" part="tag tag-${tag.id}" title="${escape(tag.reason)}">${escape(tag.label)}<span class="visually-hidden">: ${escape(tag.reason)}</span></li>`).join('')}</ul>`;
  const lastSeen = v.lastSeen
    ? `<time part="time" datetime="${v.lastSeen.iso}" title="${escape(v.lastSeen.exact)}">${escape(v.lastSeen.relative)}</time>`
    : 'Never';
  return `<div class="row body-row" part="row" role="row" aria-rowindex="${index + 2}" aria-selected="${index === 0}" style="top: ${index * ROW_HEIGHT}px">${cell(0, `<div class="user">${avatar}<div class="names">${names}</div></div>`)}${cell(1, `<span class="project" part="project" title="${escape(v.project)}">${escape(v.project)}</span>`)}${cell(2, badge)}${cell(3, tags)}${cell(4, lastSeen)}${cell(5, v.sessions, 'number')}${cell(6, v.active, 'number')}</div>`;
}

function windowHtml(rows: readonly TrackedUserListItem[], scrollTop: number, viewportHeight: number): string {
  const now = Date.now();
  const { first, last } = visibleRange(scrollTop, viewportHeight, rows.length);
  let html = '';
  for (let i = first; i < last; i++) html += rowHtml(rows[i]!, i, now);
  return html;
}

const rootOf = (container: HTMLElement) => container.firstElementChild!.shadowRoot!;

runListBench({
  async mount(container, rows) {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = listStyleSheets();
    const header = COLUMN_LABELS.map(
      (label, i) => `<div class="cell ${i >= 5 ? 'number' : ''}" part="cell" role="columnheader">${label}</div>`,
    ).join('');
    root.innerHTML = `<div class="grid" data-columns="7"><div class="scroller" part="grid" role="grid" aria-label="Tracked users" aria-rowcount="${rows.length + 1}" aria-colcount="7"><div role="rowgroup"><div class="row head" part="header" role="row" aria-rowindex="1">${header}</div></div><div class="rows" role="rowgroup" style="height: ${rows.length * ROW_HEIGHT}px">${windowHtml(rows, 0, 560)}</div></div></div>`;
    container.append(host);
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    const body = root.querySelector<HTMLElement>('.rows')!;
    let viewportHeight = 560;
    new ResizeObserver(() => (viewportHeight = scroller.clientHeight || viewportHeight)).observe(scroller);
    scroller.addEventListener('scroll', () => (body.innerHTML = windowHtml(rows, scroller.scrollTop, viewportHeight)));
  },
  unmount(container) {
    container.replaceChildren();
  },
  scroller: (container) => rootOf(container).querySelector<HTMLElement>('.scroller')!,
  domRows: (container) => rootOf(container).querySelector('.rows')?.childElementCount ?? 0,
});
