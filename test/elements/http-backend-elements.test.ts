// The elements over the whole network path (HTTP adapter → MSW handlers → memory backend) against
// the same memory backend used directly: the same rows and numbers, and each error kind's state.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { createHttpBackend } from '../../src/backend/http/index.js';
import { createDozorHandlers, type DozorFault } from '../../src/backend/msw/index.js';
import { COMMON_STRINGS } from '../../src/elements/shared/strings.js';
import type { DozorBackend, DozorErrorKind } from '../../src/backend/index.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { BASE, handlersFetch } from '../backend/http-helpers.js';
import { DAY, HOUR, MINUTE, addUser, createScenario, providerHost, withRole, type Scenario } from './profile-fixtures.js';
import { until } from '../wait.js';

const root = (el: Element) => el.shadowRoot!;

async function people(): Promise<{ scenario: Scenario; adaId: string }> {
  const scenario = createScenario('Production <b>bold</b>');
  const adaId = await addUser(scenario, {
    externalId: 'user-ada',
    traits: { email: 'ada@example.com', name: 'Ada' },
    sessions: [
      { start: -20 * MINUTE, end: -1 * MINUTE, events: 40, path: '/checkout' },
      { start: -3 * HOUR, end: -2 * HOUR, events: 30, path: '/pricing' },
      { start: -3 * DAY, end: -3 * DAY + HOUR, events: 50, path: '/docs' },
    ],
  });
  await addUser(scenario, {
    externalId: 'user-bob',
    traits: { email: 'bob@example.com' },
    sessions: [{ start: -2 * DAY, end: -2 * DAY + 30 * MINUTE, events: 12, path: '/' }],
  });
  await addUser(scenario, {
    externalId: 'user-cy',
    sessions: [{ start: -10 * DAY, end: -10 * DAY + 5 * MINUTE, events: 15, path: '/blog' }],
  });
  return { scenario, adaId };
}

function overHttp(scenario: Scenario, faults?: Record<string, DozorFault>): DozorBackend {
  const handlers = createDozorHandlers(scenario.backend, { baseUrl: BASE, ...(faults ? { faults } : {}) });
  return createHttpBackend({ baseUrl: BASE, fetch: handlersFetch(handlers), retries: 0, timeoutMs: 300 });
}

/** Each row's visible cells except tags (the REST contract has none; the memory backend adds them). */
function listCells(el: DozorUserList): string[][] {
  return [...root(el).querySelectorAll('[part="row"]')].map((row) =>
    [...row.querySelectorAll('[role="gridcell"]')]
      .filter((cell) => !cell.querySelector('[part~="tags"]'))
      // As rendered: the name and the email are lines of their own, not one run of text.
      .map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );
}

/** The profile's blocks as text: header name, stats, chart alternative, pages, timeline, sessions. */
function profileText(el: DozorUserProfile): string[] {
  const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const block = (tag: string) => root(el).querySelector(tag)!.shadowRoot!;
  return [
    text(root(el).querySelector('#display-name')),
    ...[...root(el).querySelectorAll('[part~="stat"]')].map(text),
    text(block('dozor-activity-chart').querySelector('table, .visually-hidden')),
    ...[...block('dozor-page-distribution').querySelectorAll('tbody tr')].map(text),
    text(block('dozor-sessions-timeline').querySelector('.meta')),
    ...[...block('dozor-sessions-table').querySelectorAll('tbody tr')].map((row) => text(row.querySelector('th'))),
  ];
}

describe('elements over HTTP → MSW → memory backend', () => {
  it('the list shows the same rows as on the memory backend directly', async () => {
    const { scenario } = await people();
    const direct = await fixture<DozorUserList>(html`<dozor-user-list .backend=${scenario.backend} locale="en-GB"></dozor-user-list>`);
    const viaHttp = await fixture<DozorUserList>(html`<dozor-user-list .backend=${overHttp(scenario)} locale="en-GB"></dozor-user-list>`);
    await until(() => direct.loadedUsers.length === 3 && viaHttp.loadedUsers.length === 3, 'both lists');
    await Promise.all([direct.updateComplete, viaHttp.updateComplete]);
    expect(listCells(viaHttp)).to.deep.equal(listCells(direct));
    expect(listCells(viaHttp)[0]![0]).to.equal('user-ada ada@example.com');
    // Sorting goes through the query string and gives the same order.
    direct.sort = 'sessions';
    viaHttp.sort = 'sessions';
    await until(() => viaHttp.loadedUsers[0]?.externalId === 'user-ada' && direct.loadedUsers[0]?.externalId === 'user-ada', 'sorted');
    expect(viaHttp.loadedUsers.map((u) => u.id)).to.deep.equal(direct.loadedUsers.map((u) => u.id));
  });

  it('the profile shows the same blocks and numbers as on the memory backend directly', async () => {
    const { scenario, adaId } = await people();
    const mount = async (backend: DozorBackend) => {
      const host = providerHost(withRole(backend, 'VIEWER'));
      const el = document.createElement('dozor-user-profile');
      el.userId = adaId;
      host.append(el);
      await fixture(host);
      await until(
        () => (el.shadowRoot?.querySelector('dozor-sessions-table')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) === 3,
        'sessions',
      );
      await until(
        () => (el.shadowRoot?.querySelector('dozor-sessions-timeline')?.shadowRoot?.querySelector('.meta') ?? null) !== null,
        'timeline',
      );
      await until(() => (el.shadowRoot?.querySelector('[part~="stat"] .stat-value') ?? null) !== null, 'stats');
      return el;
    };
    const direct = await mount(scenario.backend);
    const viaHttp = await mount(overHttp(scenario));
    expect(profileText(viaHttp)).to.deep.equal(profileText(direct));
    expect(profileText(viaHttp)[0]).to.equal('user-ada');
  });

  const cases: [string, DozorFault, DozorErrorKind][] = [
    ['401', { status: 401 }, 'auth'],
    ['403', { status: 403 }, 'permission'],
    ['429', { status: 429, headers: { 'Retry-After': '30' } }, 'rate-limit'],
    ['500', { status: 500 }, 'server'],
    ['a malformed body', { malformed: true }, 'invalid-response'],
    ['a network failure', { networkError: true }, 'network'],
    ['no answer', { timeout: true }, 'timeout'],
  ];
  for (const [name, fault, kind] of cases) {
    it(`the list shows the ${kind} error state for ${name}, with retry`, async () => {
      const { scenario } = await people();
      const el = await fixture<DozorUserList>(
        html`<dozor-user-list .backend=${overHttp(scenario, { 'GET /api/tracked-users': { ...fault, times: 1 } })}></dozor-user-list>`,
      );
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error state');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain(COMMON_STRINGS.errorTitles[kind]);
      if (kind === 'rate-limit')
        expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('The server asks to wait 30 seconds.');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await until(() => el.loadedUsers.length === 3, 'the rows after retry');
    });
  }

  it('the profile shows its not-found state for a 404', async () => {
    const { scenario } = await people();
    const host = providerHost(withRole(overHttp(scenario), 'VIEWER'));
    const el = document.createElement('dozor-user-profile');
    el.userId = 'no-such-user';
    host.append(el);
    await fixture(host);
    await until(() => root(el).querySelector('[part~="not-found"]') !== null, 'not found');
    await expect(el).to.be.accessible();
  });
});
