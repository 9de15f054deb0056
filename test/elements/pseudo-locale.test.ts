/**
 * The pseudo-locale test: every English default string, rewritten letter by letter into accented
 * look-alikes ("Sessions" → "Šéššíóñš"), is registered for `uk`, and every element is rendered under
 * `locale="uk"` in each of its states. Ukrainian makes Intl's own output (dates, relative times,
 * durations) Cyrillic, so any Latin word left in visible text, `aria-*`, `title` or `placeholder` is
 * either data the backend sent or a string that bypassed the strings API; the test fails on the latter.
 * The same run then checks the shipped Ukrainian and Japanese translations, and that in each of them every
 * column header shows in full.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as dozor from '../../src/index.js';
import {
  computeTags,
  createMemoryBackend,
  DozorBackendError,
  registerTranslations,
  type DozorBackend,
  type DozorStrings,
  type MemoryBackend,
} from '../../src/index.js';
import uk from '../../src/locales/uk.js';
import ja from '../../src/locales/ja.js';
import { createScenario, DAY, ingestSession, MINUTE, trackedUserId } from './profile-fixtures.js';
import { until } from '../wait.js';

const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçđéƒĝĥíĵķĺɱñóþǫŕšŧúṽŵẋýžÁɃÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŦÚṼŴẊÝŽ';
const accent = (text: string) => text.replace(/[A-Za-z]/g, (letter) => ACCENTED[LATIN.indexOf(letter)]!);

/** The same shape with every string accented; functions accent what they return. */
function pseudo(value: unknown): unknown {
  if (typeof value === 'string') return accent(value);
  if (typeof value === 'function') return (...args: unknown[]) => accent(String((value as (...a: unknown[]) => unknown)(...args)));
  if (Array.isArray(value)) return value.map(pseudo);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudo(inner)]));
  return value;
}

// Every element's English defaults, as exported by the package (`COMMON_STRINGS`, `USER_LIST_STRINGS`, …).
const englishDefaults = Object.assign(
  {},
  ...Object.entries(dozor)
    .filter(([name]) => name.endsWith('_STRINGS') && !name.startsWith('DEFAULT_'))
    .map(([, strings]) => strings),
) as DozorStrings;

const TEXT_ATTRIBUTES = [
  'title',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
];

/** Visible text nodes and text attributes of `root`, through every shadow root. */
function texts(root: Node, out: string[] = []): string[] {
  for (const node of [...root.childNodes, ...(root instanceof Element && root.shadowRoot ? [root.shadowRoot] : [])]) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      const text = node.nodeValue!.trim();
      if (text && parent !== 'style' && parent !== 'script') out.push(text);
    } else if (node instanceof Element) {
      for (const name of TEXT_ATTRIBUTES) {
        const value = node.getAttribute(name)?.trim();
        if (value) out.push(`${name}=${value}`);
      }
      texts(node, out);
    } else if (node instanceof ShadowRoot) {
      texts(node, out);
    }
  }
  return out;
}

/** Elements matching `selector` in `root`'s light DOM and in every shadow root below it. */
function deepAll<T extends Element>(root: Element, selector: string, out: T[] = []): T[] {
  for (const scope of root.shadowRoot ? [root, root.shadowRoot] : [root]) {
    out.push(...scope.querySelectorAll<T>(selector));
    for (const child of scope.querySelectorAll('*')) if (child.shadowRoot) deepAll(child, selector, out);
  }
  return out;
}

/** Every string a backend answered with (or rejected with), lower-cased: the data the elements may show. */
function recording(backend: DozorBackend, corpus: string[]): DozorBackend {
  const collect = (value: unknown, depth = 0): void => {
    if (typeof value === 'string') corpus.push(value.toLowerCase());
    else if (value instanceof Error) corpus.push(value.message.toLowerCase());
    else if (value && typeof value === 'object' && depth < 8)
      for (const [key, inner] of Object.entries(value)) (collect(key, depth + 1), collect(inner, depth + 1));
  };
  return new Proxy(backend, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function' || key === 'subscribe') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise)
          return result.then(
            (answer) => (collect(answer), answer),
            (error) => (collect(error), Promise.reject(error)),
          );
        return result;
      };
    },
  });
}

/** The same backend with every call pending forever (loading) or failing (error). */
function everyCall(backend: DozorBackend, answer: () => Promise<never>): DozorBackend {
  return new Proxy(backend, {
    get(target, key) {
      const value = Reflect.get(target, key);
      return typeof value === 'function' && key !== 'subscribe' ? answer : value;
    },
  });
}

interface World {
  backend: DozorBackend;
  userId: string;
  sessionId: string;
}

type State = 'loading' | 'empty' | 'error' | 'data';

const LOCALE = 'uk';
const inProvider = (backend: DozorBackend, inner: TemplateResult) =>
  html`<dozor-provider .backend=${backend} locale=${LOCALE} viewer-role="ADMIN" refresh-interval="0">${inner}</dozor-provider>`;

/**
 * Each element with the states it has (the small ones show given values, so they have no loading or
 * error) and those in which it shows no string of its own (only Intl's text, an em dash or nothing).
 */
const ELEMENTS: Record<string, { states: State[]; silent?: State[]; render: (world: World, state: State) => TemplateResult }> = {
  'dozor-kpi-strip': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-kpi-strip show-updated></dozor-kpi-strip>`),
  },
  'dozor-user-list': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-user-list></dozor-user-list>`),
  },
  'dozor-user-profile': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-user-profile user-id=${w.userId}></dozor-user-profile>`),
  },
  'dozor-activity-chart': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-activity-chart user-id=${w.userId} range="7d"></dozor-activity-chart>`),
  },
  'dozor-page-distribution': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-page-distribution user-id=${w.userId} range="7d"></dozor-page-distribution>`),
  },
  'dozor-sessions-timeline': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-sessions-timeline user-id=${w.userId} range="7d"></dozor-sessions-timeline>`),
  },
  'dozor-sessions-table': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-sessions-table user-id=${w.userId}></dozor-sessions-table>`),
  },
  'dozor-session-journey': {
    states: ['loading', 'empty', 'error', 'data'],
    render: (w) =>
      inProvider(w.backend, html`<dozor-session-journey user-id=${w.userId} session-id=${w.sessionId} range="7d"></dozor-session-journey>`),
  },
  'dozor-display-name-editor': {
    states: ['loading', 'error', 'data'],
    render: (w) => inProvider(w.backend, html`<dozor-display-name-editor user-id=${w.userId} inline></dozor-display-name-editor>`),
  },
  'dozor-traits-inspector': {
    states: ['empty', 'data'],
    silent: ['empty'],
    render: (_w, state) =>
      inProvider(
        _w.backend,
        html`<dozor-traits-inspector .traits=${state === 'empty' ? {} : { plan: 'pro', seats: 12, company: { name: 'Acme' } }}></dozor-traits-inspector>`,
      ),
  },
  'dozor-range-selector': { states: ['data'], render: (w) => inProvider(w.backend, html`<dozor-range-selector></dozor-range-selector>`) },
  'dozor-status-badge': {
    states: ['empty', 'data'],
    render: (w, state) =>
      inProvider(w.backend, html`<dozor-status-badge .status=${state === 'empty' ? undefined : 'IDLE_7D'}></dozor-status-badge>`),
  },
  'dozor-relative-time': {
    states: ['empty', 'data'],
    silent: ['empty', 'data'],
    render: (w, state) =>
      inProvider(
        w.backend,
        html`<dozor-relative-time .datetime=${state === 'empty' ? null : Date.now() - 5 * MINUTE}></dozor-relative-time>`,
      ),
  },
  'dozor-user-tags': {
    states: ['data'],
    render: (w) =>
      inProvider(
        w.backend,
        html`<dozor-user-tags
          .tags=${computeTags({ sessionCount: 3, firstSeenAt: Date.now() - 90 * DAY, orderCount: 2, traits: { email: 'x@y.test', company: 'Acme', plan: 'pro' } })}
        ></dozor-user-tags>`,
      ),
  },
  'dozor-last-updated': {
    states: ['empty', 'data'],
    render: (w, state) =>
      inProvider(w.backend, html`<dozor-last-updated .updatedAt=${state === 'empty' ? 0 : Date.now() - 2 * MINUTE}></dozor-last-updated>`),
  },
};

async function firstUserWithSessions(backend: MemoryBackend): Promise<World> {
  const page = await backend.listUsers({ sort: 'last-seen', limit: 1 });
  const userId = page.data[0]!.id;
  const timeline = await backend.getTimeline(userId, { range: '7d' });
  return { backend, userId, sessionId: timeline.sessions[0]!.id };
}

async function emptyWorld(): Promise<World> {
  // One user whose only session is too short to count: no activity, pages, timeline or sessions.
  const scenario = createScenario();
  ingestSession(scenario, { externalId: 'quiet', sessions: [] }, { start: -3 * DAY, end: -3 * DAY + 500, events: 3, path: '/quiet' });
  return { backend: scenario.backend, userId: await trackedUserId(scenario.backend, 'quiet'), sessionId: 'missing-session' };
}

/** Column headers, or a part of one, whose label is cut (visually hidden labels, a pixel wide, aside). */
const cutHeaders = (root: Element) =>
  deepAll<HTMLElement>(root, 'thead th, [role="columnheader"]')
    .flatMap((cell) => [cell, ...cell.querySelectorAll<HTMLElement>('*')])
    .filter((box) => box.clientWidth > 2 && box.scrollWidth > box.clientWidth)
    .map((box) => box.textContent!.trim());

const busy = (root: Element) => deepAll(root, '[aria-busy="true"], .skeleton').length > 0;

async function settle(el: Element, state: State): Promise<void> {
  if (state === 'loading') return void (await frame());
  if (state === 'error') return until(() => deepAll(el, '[role="alert"]').length > 0, `${el.localName} error`);
  await until(() => !busy(el), `${el.localName} ${state}`);
}

/** Opens what the data state hides behind a click or focus: filter menus, JSON, tooltips. */
async function reveal(el: Element): Promise<void> {
  for (const summary of deepAll<HTMLElement>(el, 'details > summary')) summary.click();
  for (const button of deepAll<HTMLButtonElement>(el, 'button[aria-expanded="false"]')) button.click();
  deepAll<HTMLElement>(el, '[part~="timeline-bar"]')[0]?.focus();
  deepAll<HTMLElement>(el, '[part~="chart"][tabindex="0"]')[0]?.focus();
  await frame();
  await frame();
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// Words as runs of letters, digits and `_` ("19m", "usr_0008"), kept when they hold a Latin letter.
const latinWords = (text: string) => (text.match(/[\p{L}\p{N}_]+/gu) ?? []).filter((word) => /[A-Za-z]/.test(word));

/**
 * The pseudo-locale, and the two shipped translations whose script is not Latin (there an English
 * word cannot hide among the translated ones); `allowed` are the Latin words they keep on purpose.
 */
const VARIANTS: { name: string; strings: DozorStrings; script: RegExp; allowed: string[] }[] = [
  { name: 'pseudo-locale', strings: pseudo(englishDefaults) as DozorStrings, script: /[áƀçđéƒĝĥíĵķĺɱñóþǫŕšŧúṽŵẋýž]/i, allowed: [] },
  {
    name: 'uk',
    strings: uk.strings,
    script: /[\u0400-\u04ff]/,
    allowed: ['ID', 'JSON', 'CSV', 'SDK', 'Page', 'Up', 'Down', 'traits', 'email'],
  },
  {
    name: 'ja',
    strings: ja.strings,
    script: /[\u3040-\u30ff\u4e00-\u9fff]/,
    allowed: ['ID', 'JSON', 'CSV', 'SDK', 'Page', 'Up', 'Down', 'traits', 'email'],
  },
];

for (const variant of VARIANTS) {
  describe(`${variant.name}: no English default left in any element, in any state`, function () {
    this.timeout(60_000);
    const corpus: string[] = [];
    const worlds = {} as Record<State, World>;

    before(async () => {
      // Registered under the tag the elements use, so Intl's own text stays Cyrillic for every variant.
      registerTranslations({ locale: LOCALE, strings: variant.strings });
      const data = await firstUserWithSessions(
        createMemoryBackend({ generate: { seed: 'pseudo-locale', users: 30, projects: 2, days: 14 } }),
      );
      const empty = await emptyWorld();
      const failing = () => Promise.reject(new DozorBackendError('rate-limit', 'Slow down', { status: 429, retryAfterMs: 3000 }));
      worlds.data = { ...data, backend: recording(data.backend, corpus) };
      worlds.empty = { ...empty, backend: recording(empty.backend, corpus) };
      worlds.loading = { ...data, backend: everyCall(data.backend, () => new Promise<never>(() => {})) };
      worlds.error = { ...data, backend: recording(everyCall(data.backend, failing), corpus) };
      corpus.push(data.userId, data.sessionId, empty.userId, 'acme', 'pro', 'plan', 'seats', 'company', 'name', 'email', 'x@y.test');
      corpus.push(...variant.allowed.map((word) => word.toLowerCase()));
    });

    for (const [tag, { states, silent, render }] of Object.entries(ELEMENTS)) {
      for (const state of states) {
        it(`${tag}, ${state}`, async () => {
          const host = await fixture(render(worlds[state], state));
          const el = host.querySelector(tag)!;
          await settle(el, state);
          if (state === 'data') await reveal(el);
          const shown = texts(el);
          const dataWords = new Set(corpus.flatMap((value) => latinWords(value)));
          // A whole word of the data, the start of one cut short by an ellipsis (truncated ids), or a piece of an
          // id with digits in it (ids cut in the middle show their start and end apart).
          const isData = (word: string, text: string) =>
            dataWords.has(word.toLowerCase()) ||
            (text.includes(`${word}…`) && [...dataWords].some((known) => known.startsWith(word.toLowerCase()))) ||
            (/\d/.test(word) && [...dataWords].some((known) => known.includes(word.toLowerCase())));
          const leaks = shown.filter((text) => latinWords(text.replace(/^[a-z-]+=/, '')).some((word) => !isData(word, text)));
          expect(leaks, `English left in ${tag} (${state})`).to.deep.equal([]);
          // The translations are longer than English: each column makes room for its header.
          if (state === 'data') expect(cutHeaders(el), `${tag}: column headers cut`).to.deep.equal([]);
          if (!(silent ?? []).includes(state)) {
            expect(
              shown.some((text) => variant.script.test(text.replace(/^[a-z-]+=/, ''))),
              `${tag} (${state}) shows its strings`,
            ).to.equal(true);
          }
        });
      }
    }
  });
}
