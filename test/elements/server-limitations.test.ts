// What the list shows where the backend cannot serve something: no Tags column for a backend that
// computes no tags, and, over the recorded real Dozor server (test/fixtures/dozor-server), one line
// saying what the server could not do instead of a wrong "no users".
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/user-list/define.js';
import '../../src/elements/user-profile/define.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { createHttpBackend } from '../../src/backend/http/index.js';
import type { DozorBackend } from '../../src/backend/types.js';
import type { Exchange, ServerRecording } from '../backend/recorded-server.js';
import { replayDirect, replayTarget, type SdkTraffic } from '../backend/sdk-replay.js';
import { until } from '../wait.js';

const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

let recording: ServerRecording;
let traffic: SdkTraffic;
before(async () => {
  recording = (await (await fetch(new URL('../fixtures/dozor-server/exchanges.json', import.meta.url))).json()) as ServerRecording;
  traffic = (await (await fetch(new URL('../fixtures/dozor-sdk-1.1.0/traffic.json', import.meta.url))).json()) as SdkTraffic;
});

const recorded = (name: string): Exchange => recording.exchanges.find((exchange) => exchange.name === name)!;
const answer = (exchange: Exchange) => Response.json(exchange.response.body, { status: exchange.response.status });

/** The HTTP adapter over the recorded server: the list route answers `list`, the others their recorded answers. */
function recordedServer(list: Exchange): DozorBackend {
  const fetchDouble = async (input: RequestInfo | URL) => {
    const { pathname } = new URL(String(input));
    if (pathname === '/api/auth/session') return answer(recorded('auth session (OWNER)'));
    if (pathname === '/api/projects') return answer(recorded('projects (OWNER, organizationId=org_alpha)'));
    if (pathname === '/api/tracked-users') return answer(list);
    throw new TypeError(`unexpected ${pathname}`);
  };
  return createHttpBackend({ baseUrl: 'http://dozor.recorded.test', fetch: fetchDouble as typeof fetch, retries: 0 });
}

describe('the list where the server cannot serve something', () => {
  it('says the server filtered among its 500 most recently updated users, instead of "no users"', async () => {
    const backend = recordedServer(
      recorded('bulk org: list statuses=ACTIVE_24H (the 20 active users are outside the 500 most recently updated)'),
    );
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${backend} .statuses=${['ACTIVE_24H']} locale="en-GB"></dozor-user-list>`,
    );
    await until(() => root(el).querySelector('[part="empty"]') !== null, 'the empty state');
    const empty = text(root(el).querySelector('[part="empty"]'));
    expect(empty).to.contain('This server filters by status among its 500 most recently updated users only');
    expect(empty).to.not.contain('No users match these filters');
    await expect(el).to.be.accessible();
  });

  it('shows one page of a status filter with the line above it, and no "load more"', async () => {
    const backend = recordedServer(recorded('list statuses=ACTIVE_24H limit=4, page 1'));
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${backend} .statuses=${['ACTIVE_24H']} locale="en-GB"></dozor-user-list>`,
    );
    await until(() => el.loadedUsers.length === 4, 'the first page');
    expect(text(root(el).querySelector('[part="limitation"]'))).to.contain('500 most recently updated users');
    expect(root(el).querySelector('[part~="load-more-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('leaves out the Tags column and the profile’s tags for a backend that computes no tags', async () => {
    const target = replayTarget(traffic);
    replayDirect(traffic, target.backend, target.setNow);
    const untagged: DozorBackend = { ...target.backend, capabilities: { ...target.backend.capabilities, tags: [] } };
    const list = await fixture<DozorUserList>(html`<dozor-user-list .backend=${untagged} locale="en-GB"></dozor-user-list>`);
    await until(() => list.loadedUsers.length === 2, 'two rows');
    await list.updateComplete;
    // The labels alone: the User header also says what it sorts by (its .sort-key).
    const headers = [...root(list).querySelectorAll('[role="columnheader"]')].map((cell) =>
      text(cell)
        .replace(/[↑↓]/g, '')
        .replace(text(cell.querySelector('.sort-key')), '')
        .trim(),
    );
    expect(headers).to.deep.equal(['User', 'Project', 'Status', 'Last seen', 'Sessions', 'Active 7d']);
    expect(root(list).querySelectorAll('[part="row"] [part~="tags"]')).to.have.length(0);
    expect(root(list).querySelector('[part="row"]')!.querySelectorAll('[role="gridcell"]')).to.have.length(6);
    await expect(list).to.be.accessible();

    const user = list.loadedUsers.find((u) => u.externalId === 'user-42')!;
    const profile = await fixture<DozorUserProfile>(
      html`<dozor-user-profile .backend=${untagged} user-id=${user.id} locale="en-GB"></dozor-user-profile>`,
    );
    await until(() => text(root(profile).querySelector('#display-name')) === 'user-42', 'the profile header');
    expect(root(profile).querySelector('dozor-user-tags')).to.equal(null);
  });
});
