import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/user-list/define.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/index.js';
import { ColumnsError, formatDuration } from '../../src/core/index.js';
import { registerTranslations } from '../../src/elements/shared/translations.js';
import { MAX_FITTED_WIDTH } from '../../src/elements/user-list/header-fit.js';
import de from '../../src/locales/de.js';
import uk from '../../src/locales/uk.js';
import { body, events, metadata } from '../backend/memory-helpers.js';
import { until } from '../wait.js';

const KEY = `dp_${'7'.repeat(32)}`;
const NOW = Date.now();
let seq = 0;
function world(): MemoryBackend {
  const backend = createMemoryBackend({ projects: [{ id: 'p1', name: 'Web app', key: KEY, defaultDisplayNameTraitKey: 'name' }] });
  const people = [
    { userId: 'u-ada', traits: { name: 'Ada', plan: 'pro', bio: '<img src=x onerror="window.__pwned=1">' }, ago: 30_000 },
    { userId: 'u-bob', traits: { name: 'Bob', plan: 'free', seats: { used: 3 } }, ago: 5 * 3_600_000 },
    { userId: 'u-cy', traits: { name: 'Cy' }, ago: 9 * 86_400_000 },
  ];
  for (const person of people) {
    const traits = person.traits as Record<string, unknown>;
    backend.ingest(
      KEY,
      body(5000 + ++seq, events(NOW - person.ago - 11_000, 12), metadata({ userIdentity: { userId: person.userId, traits } })),
    );
  }
  return backend;
}
const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => el.textContent!.replace(/[↑↓]/g, '').replace(/\s+/g, ' ').trim();
/** Header labels (without the User column's "first tracked" sort key). */
const headers = (el: Element) =>
  [...shadow(el).querySelectorAll('[role="columnheader"]')].map((cell) =>
    text(cell)
      .replace(text(cell.querySelector('.sort-key') ?? document.createElement('i')), '')
      .trim(),
  );
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const loaded = (el: DozorUserList, n: number) => until(() => rows(el).length === n, `${n} rows`);
const cellsOf = (el: DozorUserList, name: string) =>
  [
    ...rows(el)
      .find((row) => row.textContent!.includes(name))!
      .querySelectorAll('[role="gridcell"]'),
  ].map(text);

async function openPicker(el: DozorUserList): Promise<HTMLDetailsElement> {
  const menu = shadow(el).querySelector<HTMLDetailsElement>('[part~="columns"]')!;
  menu.querySelector('summary')!.click();
  await until(() => menu.querySelector('[part~="trait-key"]') !== null, 'the open column menu');
  return menu;
}
const checkbox = (menu: Element, label: string) =>
  [...menu.querySelectorAll('label')].find((l) => text(l) === label)!.querySelector('input')!;
const button = (menu: Element, name: string) =>
  [...menu.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label') === name || text(b) === name)!;

describe('<dozor-user-list> chosen columns', () => {
  beforeEach(() => localStorage.clear());

  it('shows the columns the host names, in its order, trait values as untrusted text; a bad value throws and changes nothing', async () => {
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${world()} columns="user,trait:plan,status,trait:bio,trait:seats"></dozor-user-list>`,
    );
    await loaded(el, 3);
    expect(headers(el)).to.deep.equal(['User', 'plan', 'Status', 'bio', 'seats']);
    const ada = cellsOf(el, 'Ada');
    expect(ada[1]).to.equal('pro');
    expect(ada[3]).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(rows(el).some((row) => row.querySelector('img') !== null)).to.equal(false);
    expect(cellsOf(el, 'Bob')[4]).to.equal('{"used":3}');
    expect(cellsOf(el, 'Cy')[1]).to.equal('—');
    expect(shadow(el).querySelector('[role="grid"]')!.getAttribute('aria-colcount')).to.equal('5');
    await expect(el).to.be.accessible();
    expect(() => (el.columns = 'user,nope')).to.throw(ColumnsError);
    expect(() => (el.columns = 'status,last-seen')).to.throw(ColumnsError, /cannot be hidden/);
    expect(el.columns).to.equal('user,trait:plan,status,trait:bio,trait:seats');
    await el.updateComplete;
    expect(headers(el)).to.have.length(5);
  });

  it('the column picker hides, reorders and adds trait columns; kept per storage-key; the CSV follows', async () => {
    const backend = world();
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${backend} storage-key="team" .traitKeys=${['company']}></dozor-user-list>`,
    );
    await loaded(el, 3);
    expect(shadow(el).querySelector('[part~="columns-button"]')!.tagName).to.equal('SUMMARY');
    const menu = await openPicker(el);
    await expect(el).to.be.accessible();
    expect(checkbox(menu, 'User').disabled).to.equal(true);
    checkbox(menu, 'Tags').click();
    await el.updateComplete;
    button(menu, 'Move Status earlier').click();
    await el.updateComplete;
    expect(button(menu, 'Move User earlier').disabled).to.equal(true);
    const offered = [...menu.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(offered).to.include.members(['company', 'name', 'plan', 'bio', 'seats']);
    const input = menu.querySelector<HTMLInputElement>('[part~="trait-key"]')!;
    input.value = 'plan';
    input.dispatchEvent(new Event('input'));
    button(menu, 'Add column').click();
    await el.updateComplete;
    expect(headers(el)).to.deep.equal(['User', 'Status', 'Project', 'Last seen', 'Sessions', 'Active 7d', 'plan']);
    expect(cellsOf(el, 'Ada')[6]).to.equal('pro');
    expect([...menu.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).not.to.include('plan');
    await expect(el).to.be.accessible();
    const csv = (await el.exportCsv({ download: false }))!;
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    expect(header).to.equal(
      'id,externalId,displayName,email,status,identity,project,lastSeen,sessions,activeSeconds7d,trait:plan,firstSeen',
    );
    expect(lines.find((line) => line.includes(',Ada,'))!.split(',')[10]).to.equal('pro');
    // Another list with the same key starts with these columns; one with another key does not.
    const again = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} storage-key="team"></dozor-user-list>`);
    await loaded(again, 3);
    expect(headers(again)).to.deep.equal(headers(el));
    const other = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} storage-key="other"></dozor-user-list>`);
    await loaded(other, 3);
    expect(headers(other)).to.have.length(7);
    // Back to the host's columns: nothing stays stored.
    button(menu, 'Default columns').click();
    await el.updateComplete;
    expect(headers(el)).to.have.length(7);
    expect(localStorage.getItem('dozor:team:columns')).to.equal(null);
  });

  it('nothing is stored without a storage-key; a stored value that cannot be used leaves the host columns', async () => {
    localStorage.setItem('dozor:broken:columns', 'user,<script>');
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} storage-key="broken"></dozor-user-list>`);
    await loaded(el, 3);
    expect(headers(el)).to.have.length(7);
    const plain = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()}></dozor-user-list>`);
    await loaded(plain, 3);
    checkbox(await openPicker(plain), 'Project').click();
    await plain.updateComplete;
    expect(headers(plain)).not.to.include('Project');
    expect(Object.keys(localStorage).filter((key) => key.endsWith(':columns'))).to.deep.equal(['dozor:broken:columns']);
  });

  it('with sync-url the columns travel in the URL, which wins over the stored choice', async () => {
    const original = location.href;
    try {
      localStorage.setItem('dozor:team:columns', 'user,project');
      history.replaceState(null, '', `${location.pathname}?columns=user,trait:plan,status`);
      const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} sync-url storage-key="team"></dozor-user-list>`);
      await loaded(el, 3);
      expect(headers(el)).to.deep.equal(['User', 'plan', 'Status']);
      button(await openPicker(el), 'Move Status earlier').click();
      await el.updateComplete;
      expect(new URLSearchParams(location.search).get('columns')).to.equal('user,status,trait:plan');
      expect(localStorage.getItem('dozor:team:columns')).to.equal('user,status,trait:plan');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('keeps a tab stop in the grid when the column of the active cell is removed', async () => {
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} columns="user,status,trait:plan"></dozor-user-list>`);
    await loaded(el, 3);
    shadow(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    el.columns = 'user,status';
    await el.updateComplete;
    const stops = [...shadow(el).querySelectorAll<HTMLElement>('[role="gridcell"][tabindex="0"]')];
    expect(stops).to.have.length(1);
    expect([...stops[0]!.parentElement!.children].indexOf(stops[0]!), 'the last column left').to.equal(1);
  });

  it('the grid keyboard reaches every chosen column; Escape closes the menu and returns to its button', async () => {
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} columns="user,trait:plan"></dozor-user-list>`);
    await loaded(el, 3);
    const first = shadow(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!;
    first.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const focused = shadow(el).activeElement!;
    expect([...focused.parentElement!.children].indexOf(focused), 'the second column (of two)').to.equal(1);
    const menu = await openPicker(el);
    menu.querySelector<HTMLInputElement>('[part~="trait-key"]')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(shadow(el).activeElement).to.equal(menu.querySelector('summary'));
  });
});

describe('<dozor-user-list> headers in other languages', () => {
  const LONG_KEY = 'subscription_plan_billing_contact_department';
  const labels = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.row.head :is(.sort-label, .sort-key, .head-label)')];
  const cut = (el: Element) =>
    labels(el)
      .filter((label) => label.scrollWidth > label.clientWidth)
      .map((label) => label.textContent);
  const headerCells = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.row.head > [role="columnheader"]')];
  const width = (el: Element, column: number) => headerCells(el)[column]!.getBoundingClientRect().width;
  /** Each row's cells start where their header cells do. */
  const lineUp = (el: Element) => {
    const edges = (cells: Element[]) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left));
    const header = edges(headerCells(el));
    return rows(el).every((row) => edges([...row.children]).join() === header.join());
  };

  before(() => {
    registerTranslations(de);
    registerTranslations(uk);
  });

  it('widens a column whose header label does not fit, keeps English as it is, and measures again when the language changes', async () => {
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${world()} style="width: 1024px" columns="user,status,last-seen,sessions,active,trait:${LONG_KEY}"></dozor-user-list>`,
    );
    await loaded(el, 3);
    // English fits the columns' own tracks: Sessions and Active 7d stay 104 px.
    expect(cut(el).filter((label) => label !== LONG_KEY)).to.deep.equal([]);
    expect([width(el, 3), width(el, 4)]).to.deep.equal([104, 104]);

    el.locale = 'de';
    await until(() => headers(el)[3] === 'Sitzungen' && cut(el).length === 1, 'German headers in full');
    expect(width(el, 3), '"Sitzungen" and its arrow need more than 104 px').to.be.above(104);
    expect(width(el, 4), '"Aktiv in 7 T." too').to.be.above(104);
    // A label longer than any column may grow to ends in an ellipsis; its text is still all there.
    expect(cut(el)).to.deep.equal([LONG_KEY]);
    expect(width(el, 5)).to.equal(MAX_FITTED_WIDTH);
    // The rows come and go as the list scrolls: the fixed Active 7d column fits the longest time any can show.
    const active = rows(el)[0]!.children[4] as HTMLElement;
    active.textContent = formatDuration(3599, 'de');
    expect(active.scrollWidth, `"${active.textContent}" in full`).to.be.at.most(active.clientWidth);
    expect(lineUp(el), 'the rows follow the widened header').to.equal(true);
    await expect(el).to.be.accessible();

    el.locale = 'uk';
    await until(() => headers(el)[2] === 'Остання активність' && cut(el).length === 1, 'Ukrainian headers in full');
    expect(width(el, 2), '"Остання активність" is wider than Last seen’s 140 px').to.be.above(140);
    expect(lineUp(el)).to.equal(true);

    el.locale = 'en';
    // The English labels show before they are measured, in the Ukrainian tracks (Sessions was never widened).
    await until(() => headers(el)[3] === 'Sessions' && width(el, 3) === 104 && width(el, 4) === 104, 'the English tracks back');
    expect(lineUp(el)).to.equal(true);
  });

  it('measures again when the host enlarges the list’s text after its first render', async () => {
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${world()} style="width: 1024px" columns="user,status,last-seen,sessions,active"></dozor-user-list>`,
    );
    await loaded(el, 3);
    await until(() => width(el, 3) === 104 && cut(el).length === 0, 'English in the columns’ own tracks');

    el.style.fontSize = '22px';
    await until(() => cut(el).length === 0 && width(el, 3) > 104, 'every header in full in the larger text');
    const active = rows(el)[0]!.children[4] as HTMLElement;
    active.textContent = formatDuration(3599, 'en');
    expect(active.scrollWidth, `"${active.textContent}" in full`).to.be.at.most(active.clientWidth);
    expect(lineUp(el)).to.equal(true);

    el.style.fontSize = '';
    await until(() => width(el, 3) === 104 && cut(el).length === 0, 'the columns’ own tracks again');
  });

  it('scrolls sideways rather than squeeze a widened header at phone width', async () => {
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${world()} locale="uk" style="width: 390px"></dozor-user-list>`);
    await loaded(el, 3);
    await until(() => headers(el)[0] === 'Користувач' && cut(el).length === 0, 'Ukrainian headers in full');
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const header = shadow(el).querySelector<HTMLElement>('.row.head')!;
    const last = headerCells(el).at(-1)!;
    expect(scroller.scrollWidth).to.be.above(scroller.clientWidth);
    expect(Math.round(last.getBoundingClientRect().right), 'the header row holds every column').to.be.at.most(
      Math.round(header.getBoundingClientRect().right),
    );
    expect(lineUp(el)).to.equal(true);
  });
});

describe('<dozor-user-list> toolbar menus', () => {
  beforeEach(() => localStorage.clear());

  it('each menu opens inside the list, wherever the toolbar wrapped its button', async () => {
    registerTranslations(de);
    for (const [width, locale] of [
      [390, 'en'],
      [390, 'de'],
      [1024, 'uk'],
    ] as const) {
      const el = await fixture<DozorUserList>(
        html`<dozor-user-list .backend=${world()} storage-key="menus" locale=${locale} style="width: ${width}px"></dozor-user-list>`,
      );
      await loaded(el, 3);
      const menus = [...shadow(el).querySelectorAll<HTMLDetailsElement>('details.filter')];
      expect(menus.length, 'status, views and columns').to.equal(3);
      for (const details of menus) {
        details.querySelector('summary')!.click();
        const list = el.getBoundingClientRect();
        // A menu renders its panel once open.
        await until(
          () => {
            const box = details.querySelector(':scope > :not(summary)')?.getBoundingClientRect();
            return box !== undefined && box.width > 0 && box.left >= list.left - 1 && box.right <= list.right + 1;
          },
          `the ${details.querySelector('summary')!.textContent!.trim()} menu inside the list at ${width}px (${locale})`,
        );
        details.querySelector('summary')!.click();
      }
      el.remove();
    }
  });
});
