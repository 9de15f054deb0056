import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/provider/define.js';
import '../../src/elements/kpi-strip/define.js';
import '../../src/elements/user-list/define.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import type { DozorProvider } from '../../src/elements/provider/provider.js';
import {
  createMemoryBackend,
  DozorBackendError,
  type DozorBackend,
  type ListUsersQuery,
  type MemoryBackend,
} from '../../src/backend/index.js';
import type { SavedView, ViewStore } from '../../src/core/index.js';
import { body, events, metadata } from '../backend/memory-helpers.js';
import { gate, until } from '../wait.js';

const KEY = `dp_${'8'.repeat(32)}`;
const NOW = Date.now();
let seq = 0;
function world(): MemoryBackend {
  const backend = createMemoryBackend({ projects: [{ id: 'p1', name: 'Web app', key: KEY, defaultDisplayNameTraitKey: 'name' }] });
  const people = [
    { userId: 'u-ada', name: 'Ada', ago: 30_000 },
    { userId: 'u-bob', name: 'Bob', ago: 5 * 3_600_000 },
    { userId: 'u-cy', name: 'Cy', ago: 9 * 86_400_000 },
  ];
  for (const p of people) {
    backend.ingest(
      KEY,
      body(7000 + ++seq, events(NOW - p.ago - 11_000, 12), metadata({ userIdentity: { userId: p.userId, traits: { name: p.name } } })),
    );
  }
  return backend;
}
/** The backend with every listUsers query recorded. */
function recording(inner: DozorBackend): DozorBackend & { queries: ListUsersQuery[] } {
  const spy = Object.create(inner) as DozorBackend & { queries: ListUsersQuery[] };
  spy.queries = [];
  spy.listUsers = (query = {}, options) => (spy.queries.push(query), inner.listUsers(query, options));
  return spy;
}
const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const names = (el: Element) => rows(el).map((row) => text(row.querySelector('[part="name"]')!));
const loaded = (el: DozorUserList, n: number) => until(() => rows(el).length === n, `${n} rows`);
const headerCount = (el: Element) => shadow(el).querySelectorAll('[role="columnheader"]').length;

function menuOf(el: DozorUserList): HTMLDetailsElement {
  return shadow(el).querySelector<HTMLDetailsElement>('[part~="views"]')!;
}
async function openViews(el: DozorUserList): Promise<HTMLDetailsElement> {
  const menu = menuOf(el);
  menu.querySelector('summary')!.click();
  await until(() => menu.open, 'the open views menu');
  return menu;
}
async function saveAs(el: DozorUserList, name: string): Promise<void> {
  const input = menuOf(el).querySelector<HTMLInputElement>('[part~="view-name"]')!;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  menuOf(el).querySelector<HTMLButtonElement>('[part~="save-view-button"]')!.click();
}
const viewButton = (el: DozorUserList, name: string) =>
  [...menuOf(el).querySelectorAll<HTMLButtonElement>('[part~="view-button"]')].find((b) => text(b) === name)!;

describe('<dozor-user-list> saved views', () => {
  beforeEach(() => localStorage.clear());

  it('a host viewStore: the default view is restored before the first request, then saved, picked, made default and deleted', async () => {
    const stored: SavedView[] = [{ id: 'v1', name: 'Online', query: 'statuses=ONLINE&columns=user,status', isDefault: true }];
    const listed = gate();
    const calls: string[] = [];
    const store: ViewStore = {
      list: async () => (await listed.opened, stored.map((view) => ({ ...view }))),
      save: async (view) => (calls.push(`save ${view.name} ${view.isDefault}`), view),
      remove: async (id) => void calls.push(`remove ${id}`),
    };
    const backend = recording(world());
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} .viewStore=${store}></dozor-user-list>`);
    expect(shadow(el).querySelector('[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(backend.queries).to.have.length(0);
    listed.open();
    await loaded(el, 1);
    // The backend never saw the unfiltered list.
    expect(backend.queries.map((q) => q.statuses)).to.deep.equal([['ONLINE']]);
    expect(headerCount(el)).to.equal(2);
    expect(text(menuOf(el).querySelector('summary')!)).to.equal('View: Online');
    await openViews(el);
    await expect(el).to.be.accessible();

    el.statuses = [];
    await loaded(el, 3);
    expect(text(menuOf(el).querySelector('summary')!)).to.equal('Views');
    await saveAs(el, '  Everyone  ');
    await until(() => calls.length === 1, 'saved');
    expect(calls).to.deep.equal(['save Everyone false']);
    await el.updateComplete;
    expect(text(menuOf(el).querySelector('summary')!)).to.equal('View: Everyone');
    expect(text(shadow(el).querySelector('[part~="views"] + [role="status"]')!)).to.equal('View Everyone saved');

    viewButton(el, 'Online').click();
    await loaded(el, 1);
    expect(el.statuses).to.deep.equal(['ONLINE']);
    const defaults = [...menuOf(el).querySelectorAll<HTMLButtonElement>('[part~="view-default-button"]')];
    expect(defaults.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    defaults[1]!.click();
    await until(() => calls.length === 3, 'default moved');
    expect(calls.slice(1)).to.deep.equal(['save Online false', 'save Everyone true']);
    await el.updateComplete;
    expect(defaults.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    menuOf(el).querySelector<HTMLButtonElement>('[aria-label="Delete view Online"]')!.click();
    await until(() => calls.length === 4, 'removed');
    expect(calls[3]).to.equal('remove v1');
    await el.updateComplete;
    expect([...menuOf(el).querySelectorAll('[part~="view-button"]')].map(text)).to.deep.equal(['Everyone']);
  });

  it('views in localStorage per storage-key: the default one is on the list at its first request', async () => {
    const backend = recording(world());
    const first = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} storage-key="ops"></dozor-user-list>`);
    await loaded(first, 3);
    await openViews(first);
    expect(text(menuOf(first).querySelector('.menu-note')!)).to.equal('No saved views yet.');
    await expect(first).to.be.accessible();
    first.sort = 'sessions';
    first.search = 'a';
    await until(() => backend.queries.length === 2, 'the sorted search');
    await saveAs(first, 'Searched');
    await until(() => menuOf(first).querySelectorAll('[part~="view-button"]').length === 1, 'saved');
    menuOf(first).querySelector<HTMLButtonElement>('[part~="view-default-button"]')!.click();
    await until(() => localStorage.getItem('dozor:ops:views')?.includes('"isDefault":true') === true, 'default stored');

    backend.queries.length = 0;
    const second = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} storage-key="ops"></dozor-user-list>`);
    await until(() => backend.queries.length > 0 && second.loadedUsers.length > 0, 'second list');
    expect(backend.queries).to.have.length(1);
    expect(backend.queries[0]).to.include({ search: 'a', sort: 'sessions' });
    const other = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} storage-key="another"></dozor-user-list>`);
    await loaded(other, 3);
    expect(other.search).to.equal('');
  });

  it('with sync-url a URL that names list state wins over the default view', async () => {
    const original = location.href;
    try {
      localStorage.setItem('dozor:ops:views', JSON.stringify([{ id: 'x', name: 'Online', query: 'statuses=ONLINE', isDefault: true }]));
      history.replaceState(null, '', `${location.pathname}?sort=sessions`);
      const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} storage-key="ops" sync-url></dozor-user-list>`);
      await loaded(el, 3);
      expect(el.statuses).to.deep.equal([]);
      expect(el.sort).to.equal('sessions');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('a store that fails to list or save shows why in the menu and changes nothing; the list still loads', async () => {
    const store: ViewStore = {
      list: () => Promise.reject(new DozorBackendError('network', 'Views are unreachable')),
      save: () => Promise.reject(new DozorBackendError('permission', 'You may not save views')),
      remove: async () => {},
    };
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} .viewStore=${store}></dozor-user-list>`);
    await loaded(el, 3);
    await openViews(el);
    expect(text(menuOf(el).querySelector('[role="alert"]')!)).to.equal('Views are unreachable');
    await saveAs(el, 'Mine');
    await until(() => text(menuOf(el).querySelector('[role="alert"]')!) === 'You may not save views', 'save error');
    expect(menuOf(el).querySelectorAll('[part~="view-button"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    await saveAs(el, '   ');
    menuOf(el).querySelector<HTMLInputElement>('[part~="view-name"]')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(menuOf(el).open).to.equal(false);
  });

  it('without a storage-key or viewStore there is no views menu', async () => {
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()}></dozor-user-list>`);
    await loaded(el, 3);
    expect(menuOf(el)).to.equal(null);
  });
});

describe('<dozor-user-list> quick filter from a KPI card', () => {
  const cardButton = (strip: Element, kpi: string) =>
    shadow(strip).querySelector<HTMLButtonElement>(`[part~="card-${kpi}"] [part="card-button"]`);

  it('a card chosen in the strip filters the list on the page, shown as a removable chip', async () => {
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${world()}><dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list></dozor-provider>`,
    );
    const strip = provider.querySelector('dozor-kpi-strip')!;
    const list = provider.querySelector('dozor-user-list')!;
    await loaded(list, 3);
    await until(() => cardButton(strip, 'online') !== null, 'cards');
    cardButton(strip, 'online')!.click();
    await loaded(list, 1);
    expect(names(list)).to.deep.equal(['Ada']);
    expect(list.statuses).to.deep.equal(['ONLINE']);
    const chip = shadow(list).querySelector('[part="quick-filter"]')!;
    expect(text(chip)).to.equal('Online now ✕');
    expect(chip.querySelector('button')!.getAttribute('aria-label')).to.equal('Remove the quick filter Online now');
    await expect(list).to.be.accessible();
    chip.querySelector('button')!.click();
    await loaded(list, 3);
    expect(shadow(list).querySelector('[part="quick-filter"]')).to.equal(null);
    await strip.updateComplete;
    expect(cardButton(strip, 'online')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('changing the filters lets the quick filter go (the card is released); a host can apply one itself', async () => {
    const provider = await fixture<DozorProvider>(
      html`<dozor-provider .backend=${world()}><dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list></dozor-provider>`,
    );
    const strip = provider.querySelector('dozor-kpi-strip')!;
    const list = provider.querySelector('dozor-user-list')!;
    await until(() => cardButton(strip, 'active') !== null && rows(list).length === 3, 'cards and rows');
    cardButton(strip, 'active')!.click();
    await loaded(list, 2);
    list.statuses = ['ONLINE'];
    await loaded(list, 1);
    expect(shadow(list).querySelector('[part="quick-filter"]')).to.equal(null);
    await strip.updateComplete;
    expect(cardButton(strip, 'active')!.getAttribute('aria-pressed')).to.equal('false');

    const alone = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()}></dozor-user-list>`);
    await loaded(alone, 3);
    alone.applyQuickFilter({ kpi: 'online', query: { statuses: ['ONLINE'], identity: 'all' } });
    await loaded(alone, 1);
    expect(text(shadow(alone).querySelector('[part="quick-filter"]')!)).to.equal('Online now ✕');
  });
});
