import { expect } from '@open-wc/testing';
import { createMemoryBackend, generateDataset, type MemoryBackend } from '../../src/backend/index.js';
import { deriveStatus, summarizeUserAgent } from '../../src/core/index.js';
import { clock, DAY, expectRejects, T0, walk } from './memory-helpers.js';

function generated(seed: string | number, users = 300): MemoryBackend {
  const c = clock(T0);
  return createMemoryBackend({
    now: c.now,
    projects: [{ id: 'prj_app', name: 'App', defaultDisplayNameTraitKey: 'name' }],
    generate: { seed, users, projects: 2, days: 60 },
  });
}

describe('memory backend: seeded dataset generator', () => {
  it('gives the same data for the same seed and different data for another seed', async () => {
    const [a, b, other] = [generated('demo'), generated('demo'), generated('other')];
    const listA = await walk(a, { limit: 100, identity: 'all' });
    expect(listA).to.have.length.greaterThan(250);
    expect(await walk(b, { limit: 100, identity: 'all' })).to.deep.equal(listA);
    expect(await a.getSummary()).to.deep.equal(await b.getSummary());
    const firstA = await a.getUser(listA[0]!.id);
    expect(await b.getUser(listA[0]!.id)).to.deep.equal(firstA);
    expect(JSON.stringify(await walk(other, { limit: 100, identity: 'all' }))).to.not.equal(JSON.stringify(listA));
  });

  it('holds realistic people, anonymous visitors, every status, buyers and long-time users', async () => {
    const backend = generated(7, 600);
    const users = await walk(backend, { limit: 100, identity: 'all' });
    const statuses = new Set(users.map((u) => deriveStatus(u.lastEventAt === null ? null : Date.parse(u.lastEventAt), T0)));
    expect([...statuses].sort()).to.deep.equal(['ACTIVE_24H', 'DORMANT', 'IDLE_7D', 'ONLINE']);
    const anonymous = users.filter((u) => u.identity === 'anonymous');
    expect(anonymous.length).to.be.within(30, 180);
    const tags = new Set(users.flatMap((u) => (u.tags ?? []).map((t) => t.id)));
    for (const tag of ['new', 'returning', 'longtime', 'work-info', 'contact-info', 'buyer', 'custom-attributes']) {
      expect(tags.has(tag as never), tag).to.equal(true);
    }
    const people = users.filter((u) => typeof u.traits?.['email'] === 'string' && typeof u.traits?.['company'] === 'string');
    const renamed = (u: (typeof people)[number]) =>
      u.displayName === `${String(u.traits!['name']).split(' ')[0]} from ${String(u.traits!['company'])}`;
    const person = people.find((u) => !renamed(u))!;
    expect(person.traits!['email']).to.match(/^[a-z.]+\d+@[a-z.-]+\.test$/);
    // Both projects show people by their `name` trait (the project default key); a few by email or a custom name.
    expect(person.displayName).to.be.oneOf([person.traits!['name'], person.traits!['email']]);
    expect(people.some(renamed)).to.equal(true);
    // Search finds a person by an email that is only a trait.
    const found = await backend.listUsers({ search: String(person.traits!['email']).toUpperCase() });
    expect(found.data.map((u) => u.id)).to.include(person.id);
  });

  it('records sessions with realistic pathnames inside the retention window', async () => {
    const backend = generated('pages', 120);
    const [user] = (await backend.listUsers({ sort: 'last-seen', sortDir: 'desc', limit: 1 })).data;
    const activity = await backend.getActivity(user!.id, { range: '7d', pageLimit: 500 });
    const timeline = await backend.getTimeline(user!.id, { range: '7d' });
    expect(timeline.sessions.length).to.be.greaterThan(0);
    for (const session of timeline.sessions) {
      for (const period of session.periods) expect(period.pathname).to.match(/^\/[a-z0-9/-]*$/);
    }
    expect(activity.pageDistribution.length).to.be.greaterThan(0);
    for (const page of activity.pageDistribution) expect(page.pathname).to.match(/^\/[a-z0-9/-]*$/);
    const sessions = await backend.listSessions(user!.id, { limit: 100 });
    for (const s of sessions.data) expect(Date.parse(s.createdAt)).to.be.greaterThan(T0 - 61 * DAY);
    // Each session comes from a browser the sessions table can describe.
    for (const s of sessions.data) {
      expect(summarizeUserAgent(s.userAgent).browser).to.be.a('string');
      expect([s.screenWidth, s.screenHeight].every((n) => typeof n === 'number' && n > 0)).to.equal(true);
    }
    // Nothing to delete: every generated session is younger than 90 days.
    expect(backend.runRetention().sessions).to.equal(0);
  });

  it('adds to an existing backend, notifies once, and rejects bad options changing nothing', async () => {
    const backend = createMemoryBackend({ now: () => T0 });
    const changes: unknown[] = [];
    backend.subscribe((change) => changes.push(change));
    const error = await expectRejects(Promise.resolve().then(() => generateDataset(backend, { seed: 1, users: -1 })));
    expect(error.kind).to.equal('validation');
    expect(error.message).to.contain('users');
    expect((await expectRejects(Promise.resolve().then(() => generateDataset(backend, { seed: 1, users: 5, days: 120 })))).kind).to.equal(
      'validation',
    );
    expect((await backend.getSummary()).total).to.equal(0);
    const result = generateDataset(backend, { seed: 1, users: 50 });
    expect(result.users).to.equal(50);
    expect(result.sessions).to.be.greaterThanOrEqual(50);
    await backend.getSummary();
    expect(changes).to.have.length(1);
    expect((await walk(backend, { identity: 'all' })).length).to.be.within(40, 50); // a few users have only throwaway sessions
  });
});
