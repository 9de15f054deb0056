import { expect } from '@open-wc/testing';
import { DAY, expectRejects, KEY, MIN, realSession, setup, T0, walk } from './memory-helpers.js';

describe('memory backend: retention', () => {
  it('deletes throwaway sessions, sessions created more than 90 days ago, then orphan users', async () => {
    const { backend, clock } = setup(T0 - 100 * DAY);
    realSession(backend, 1, 'old', T0 - 100 * DAY); // created 100 days before T0
    realSession(backend, 2, 'mixed', T0 - 100 * DAY);
    clock.set(T0 - 10 * DAY);
    realSession(backend, 3, 'mixed', T0 - 2 * DAY); // created 10 days ago, events 2 days ago
    realSession(backend, 4, 'idle', T0 - 2 * DAY);
    realSession(backend, 5, 'idle', T0 - 10 * DAY, 3); // throwaway (3 events)
    clock.set(T0);
    expect(await backend.getSummary()).to.include({ total: 3 });
    const result = backend.runRetention();
    expect(result).to.deep.equal({ throwawaySessions: 1, sessions: 2, trackedUsers: 1 });
    const users = await walk(backend, { sort: 'newest', sortDir: 'asc' });
    expect(users.map((u) => [u.externalId, u.sessionCount, u.status])).to.deep.equal([
      ['mixed', 1, 'IDLE_7D'],
      ['idle', 1, 'IDLE_7D'],
    ]);
    expect(backend.runRetention()).to.deep.equal({ throwawaySessions: 0, sessions: 0, trackedUsers: 0 });
  });

  it('keeps a user whose one session is 89 days old, however idle; drops it at 91 days', async () => {
    const { backend, clock } = setup(T0);
    realSession(backend, 1, 'sleepy', T0 - 200 * DAY); // old events, but created (ingested) at T0
    clock.set(T0 + 89 * DAY);
    expect(backend.runRetention().trackedUsers).to.equal(0);
    expect((await backend.listUsers()).data[0]).to.include({ externalId: 'sleepy', status: 'DORMANT', sessionCount: 1 });
    clock.set(T0 + 91 * DAY);
    expect(backend.runRetention()).to.deep.equal({ throwawaySessions: 0, sessions: 1, trackedUsers: 1 });
    expect((await backend.listUsers()).total).to.equal(0);
  });
});

describe('memory backend: display-name edits', () => {
  async function oneUser() {
    const { backend, clock } = setup();
    realSession(backend, 1, 'usr_1', T0 - MIN, 12, {
      userIdentity: { userId: 'usr_1', traits: { email: 'ann@corp.io', name: 'Ann', n: 42 } },
    });
    const id = (await backend.listUsers()).data[0]!.id;
    return { backend, clock, id };
  }

  it('resolves customName → user trait key → project trait key → externalId, with null clearing', async () => {
    const { backend, id } = await oneUser();
    expect((await backend.getUser(id)).displayName).to.equal('usr_1');
    await backend.updateProjectTraitKey('p1', '  email ');
    expect(await backend.getUser(id)).to.include({ displayName: 'ann@corp.io', projectDisplayNameTraitKey: 'email' });
    await backend.updateDisplayName(id, { traitKey: ' n ' });
    expect(await backend.getUser(id)).to.include({ displayName: '42', displayNameTraitKey: 'n' });
    await backend.updateDisplayName(id, { customName: '  VIP  ' });
    expect(await backend.getUser(id)).to.include({ displayName: 'VIP', customName: 'VIP' });
    await backend.updateDisplayName(id, { customName: null });
    expect((await backend.getUser(id)).displayName).to.equal('42');
    await backend.updateDisplayName(id, { traitKey: null });
    await backend.updateProjectTraitKey('p1', null);
    expect(await backend.getUser(id)).to.include({
      displayName: 'usr_1',
      customName: null,
      displayNameTraitKey: null,
      projectDisplayNameTraitKey: null,
    });
  });

  it('validates edits like the reference and changes nothing on error', async () => {
    const { backend, id } = await oneUser();
    const cases: [unknown, string][] = [
      [{}, 'At least one of `customName` or `traitKey` must be provided'],
      [{ customName: '   ' }, 'customName'],
      [{ customName: '' }, 'customName'],
      [{ customName: 'x'.repeat(121) }, 'customName'],
      [{ traitKey: 'k'.repeat(61) }, 'traitKey'],
      [{ traitKey: 5 }, 'traitKey'],
    ];
    for (const [update, expected] of cases) {
      const error = await expectRejects(backend.updateDisplayName(id, update as never));
      expect(error.kind).to.equal('validation');
      expect(error.message).to.contain(expected);
    }
    await backend.updateDisplayName(id, { customName: 'x'.repeat(120) });
    await backend.updateDisplayName(id, { traitKey: ` ${'k'.repeat(60)} ` });
    expect((await backend.getUser(id)).displayNameTraitKey).to.equal('k'.repeat(60));
    expect((await expectRejects(backend.updateDisplayName('nope', { customName: 'a' }))).kind).to.equal('not-found');
    const missing = await expectRejects(backend.updateProjectTraitKey('nope', 'email'));
    expect([missing.kind, missing.message]).to.deep.equal(['not-found', 'Project not found']);
    const bad = await expectRejects(backend.updateProjectTraitKey('p1', ' '));
    expect([bad.kind, bad.field]).to.deep.equal(['validation', 'traitKey']);
    expect((await backend.getUser(id)).projectDisplayNameTraitKey).to.equal(null);
  });
});

describe('memory backend: search and filters', () => {
  async function population() {
    const { backend } = setup();
    realSession(backend, 1, 'usr_100%', T0 - MIN);
    realSession(backend, 2, 'usr_1000', T0 - MIN);
    realSession(backend, 3, 'plain', T0 - MIN, 12, { userIdentity: { userId: 'plain', traits: { email: 'Zed@Mail.io' } } });
    realSession(backend, 4, 'named', T0 - MIN, 12, { userIdentity: { userId: 'named', traits: { nick: 'Captain Hook' } } });
    realSession(backend, 5, 'other', T0 - MIN, 12, {}, `dp_${'b'.repeat(32)}`);
    return backend;
  }
  const ids = async (backend: Awaited<ReturnType<typeof population>>, query: object) =>
    (await walk(backend, query)).map((u) => u.externalId).sort();

  it('is a trimmed, case-insensitive literal substring (no wildcards)', async () => {
    const backend = await population();
    expect(await ids(backend, { search: '  USR_100%  ' })).to.deep.equal(['usr_100%']);
    expect(await ids(backend, { search: '%' })).to.deep.equal(['usr_100%']);
    expect(await ids(backend, { search: 'r_1' })).to.deep.equal(['usr_100%', 'usr_1000']);
    expect(await ids(backend, { search: 'u_r' })).to.deep.equal([]); // `_` is not a wildcard
    expect(await ids(backend, { search: '   ' })).to.have.length(5);
  });

  it('matches a trait-only email, a customName and a trait-resolved display name', async () => {
    const backend = await population();
    expect(await ids(backend, { search: 'zed@mail' })).to.deep.equal(['plain']);
    const named = (await walk(backend, { search: 'named' }))[0]!;
    await backend.updateDisplayName(named.id, { traitKey: 'nick' });
    expect(await ids(backend, { search: 'captain' })).to.deep.equal(['named']);
    await backend.updateDisplayName(named.id, { customName: 'Peter Pan' });
    expect(await ids(backend, { search: 'peter' })).to.deep.equal(['named']);
    expect(await ids(backend, { search: 'captain' })).to.deep.equal([]);
    await backend.updateProjectTraitKey('p1', 'email');
    expect(await ids(backend, { search: 'zed@' })).to.deep.equal(['plain']);
  });

  it('drops unknown project ids (all unknown → every project) and validates statuses, limit, cursor, sort', async () => {
    const backend = await population();
    expect(await ids(backend, { projectIds: ['p2', 'ghost'] })).to.deep.equal(['other']);
    expect(await ids(backend, { projectIds: ['ghost'] })).to.have.length(5);
    expect(await ids(backend, { projectIds: [] })).to.have.length(5);
    for (const [query, field] of [
      [{ statuses: ['online'] }, 'statuses'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ cursor: 'garbage!' }, 'cursor'],
      [{ sort: 'name' }, 'sort'],
      [{ sortDir: 'up' }, 'sortDir'],
      [{ identity: 'robots' }, 'identity'],
    ] as [object, string][]) {
      const error = await expectRejects(backend.listUsers(query));
      expect(error.kind, JSON.stringify(query)).to.equal('validation');
      expect(error.field?.split('.')[0], JSON.stringify(query)).to.equal(field);
    }
    const first = await backend.listUsers({ limit: 2, sort: 'sessions' });
    const wrongSort = await expectRejects(backend.listUsers({ limit: 2, sort: 'newest', cursor: first.nextCursor }));
    expect([wrongSort.kind, wrongSort.field]).to.deep.equal(['validation', 'cursor']);
    const wrongDir = await expectRejects(backend.listUsers({ limit: 2, sort: 'sessions', sortDir: 'asc', cursor: first.nextCursor }));
    expect(wrongDir.field).to.equal('cursor');
    expect((await backend.listUsers()).data).to.have.length(5);
    expect((await backend.listUsers({ statuses: [] })).total).to.equal(5);
  });

  it('keeps a cursor correct when rows are inserted between page requests', async () => {
    const backend = await population();
    const first = await backend.listUsers({ sort: 'newest', sortDir: 'asc', limit: 2, identity: 'all' });
    realSession(backend, 9, 'late', T0 - MIN);
    const all = first.data.map((u) => u.externalId);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await backend.listUsers({ sort: 'newest', sortDir: 'asc', limit: 2, identity: 'all', cursor });
      all.push(...page.data.map((u) => u.externalId));
      cursor = page.nextCursor;
    }
    expect(new Set(all).size).to.equal(all.length);
    expect(all).to.have.length(6);
  });

  it("lists a user's sessions newest first with a cursor and a lenient limit", async () => {
    const { backend, clock } = setup();
    for (let i = 1; i <= 5; i++) {
      realSession(backend, i, 'u', T0 - i * DAY);
      clock.advance(1000);
    }
    const id = (await backend.listUsers()).data[0]!.id;
    const p1 = await backend.listSessions(id, { limit: 2 });
    const p2 = await backend.listSessions(id, { limit: 2, cursor: p1.nextCursor });
    const p3 = await backend.listSessions(id, { limit: 2, cursor: p2.nextCursor });
    expect([...p1.data, ...p2.data, ...p3.data].map((s) => s.externalId.slice(-1))).to.deep.equal(['5', '4', '3', '2', '1']);
    expect(p3.nextCursor).to.equal(null);
    expect((await backend.listSessions(id, { limit: 0 })).data).to.have.length(5); // invalid → 20
    expect((await backend.listSessions(id, { limit: 1e9 })).data).to.have.length(5); // clamped to 100
    expect((await expectRejects(backend.listSessions(id, { cursor: 'zzz' }))).field).to.equal('cursor');
  });
});
