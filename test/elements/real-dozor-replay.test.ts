// The real Dozor SDK 1.1.0's traffic (test/fixtures/dozor-sdk-1.1.0) replayed into the memory backend,
// then rendered: the list shows the identified users with their tags and, under the identity filter, the
// anonymous visitors; the profile of user-42 shows every page of its five-page visit.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/user-list/define.js';
import '../../src/elements/user-profile/define.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import type { MemoryBackend } from '../../src/backend/memory/index.js';
import { replayDirect, replayTarget, type SdkTraffic } from '../backend/sdk-replay.js';
import { until } from '../wait.js';

const root = (el: Element) => el.shadowRoot!;
/** A node's text as rendered (a cell's name and email are lines of their own), spaces collapsed. */
const text = (node: Element | null | undefined) => ((node as HTMLElement | null | undefined)?.innerText ?? '').replace(/\s+/g, ' ').trim();

let traffic: SdkTraffic;
let backend: MemoryBackend;
before(async () => {
  traffic = (await (await fetch(new URL('../fixtures/dozor-sdk-1.1.0/traffic.json', import.meta.url))).json()) as SdkTraffic;
  const target = replayTarget(traffic);
  replayDirect(traffic, target.backend, target.setNow);
  backend = target.backend;
});

/** A tag chip's id, from its `tag-<id>` part. */
function tagIdOf(chip: Element): string {
  const part = chip
    .getAttribute('part')
    ?.split(' ')
    .find((name) => name.startsWith('tag-'));
  return part?.slice('tag-'.length) ?? '';
}

/** Each row's user cell and its tags' ids (the list is wide enough for every chip to show). */
function rows(el: DozorUserList): { user: string; tags: string[] }[] {
  return [...root(el).querySelectorAll('[part="row"]')].map((row) => ({
    user: text(row.querySelector('[role="gridcell"]')),
    tags: [...row.querySelectorAll('[part~="tag"]')].map(tagIdOf),
  }));
}

describe('the real SDK 1.1.0 traffic, rendered', () => {
  it('lists the two identified users with their tags, and the two anonymous visitors under the identity filter', async () => {
    const el = await fixture<DozorUserList>(
      html`<dozor-user-list .backend=${backend} locale="en-GB" style="width: 1400px"></dozor-user-list>`,
    );
    await until(() => rows(el).length === 2 && rows(el).every((row) => row.tags.length > 0), 'two identified rows');
    expect(root(el).querySelectorAll('[part~="more"]').length, 'every tag shows').to.equal(0);
    expect(rows(el).sort((a, b) => a.user.localeCompare(b.user))).to.deep.equal([
      { user: 'user-42 ada@example.com', tags: ['new', 'work-info', 'contact-info'] },
      { user: 'user-7 grace@example.com', tags: ['new', 'contact-info'] },
    ]);
    await expect(el).to.be.accessible();

    el.identity = 'anonymous';
    await until(() => rows(el).length === 2 && rows(el).some((row) => row.user.includes(traffic.sessions.A2)), 'two anonymous rows');
    expect(rows(el).map((row) => row.user.includes(traffic.sessions.A2) || row.user.includes(traffic.sessions.B1))).to.deep.equal([
      true,
      true,
    ]);
  });

  it('shows every page of user-42’s visit in the profile: page distribution and timeline', async () => {
    const user = (await backend.listUsers({ search: 'user-42' })).data[0]!;
    const el = await fixture<DozorUserProfile>(
      html`<dozor-user-profile .backend=${backend} user-id=${user.id} range="6h" locale="en-GB"></dozor-user-profile>`,
    );
    const pages = () => root(el).querySelector('dozor-page-distribution')?.shadowRoot?.querySelectorAll('tbody tr') ?? [];
    await until(() => pages().length === 5, 'five pages');
    const pathnames = [...pages()].map((row) => text(row.querySelector('th')));
    expect([...pathnames].sort()).to.deep.equal(['/', '/account', '/checkout', '/docs', '/pricing']);
    expect(pathnames[0]).to.equal('/docs'); // the top page: two visits, one on each side of the reload
    const timeline = root(el).querySelector('dozor-sessions-timeline')!;
    await until(() => (timeline.shadowRoot?.querySelectorAll('[part~="timeline-bar"]').length ?? 0) > 0, 'timeline bars');
    await expect(el).to.be.accessible();
  });
});
