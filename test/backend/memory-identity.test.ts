import { expect } from '@open-wc/testing';
import { body, custom, DAY, events, KEY, metadata, MIN, setup, T0, uuid, walk } from './memory-helpers.js';

const anon = (anonymousId: string, extra: Record<string, unknown> = {}) => metadata({ anonymousId, ...extra });

describe('memory backend: identity (seed 001)', () => {
  it('gives an anonymous visitor a profile, hidden from the default (identified) list', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - 10 * MIN, 10), anon('visitor-1')));
    backend.ingest(KEY, body(2, events(T0 - 5 * MIN, 10), anon('visitor-1')));
    expect((await backend.listUsers()).total).to.equal(0);
    const anonymous = await backend.listUsers({ identity: 'anonymous' });
    expect(anonymous.total).to.equal(1);
    expect(anonymous.data[0]).to.include({ externalId: 'visitor-1', displayName: 'visitor-1', identity: 'anonymous', sessionCount: 2 });
    expect((await backend.listUsers({ identity: 'all' })).total).to.equal(1);
    expect(await backend.getSummary()).to.include({ total: 1, identified: 0, anonymous: 1 });
  });

  it('merges the anonymous profile into the identified user on identify, then logout returns to the anonymous profile', async () => {
    const { backend } = setup();
    // Two anonymous sessions, then login during a third session.
    backend.ingest(KEY, body(1, events(T0 - 3 * DAY, 10), anon('v')));
    backend.ingest(KEY, body(2, events(T0 - 2 * DAY, 10), anon('v')));
    backend.ingest(KEY, body(3, events(T0 - DAY, 10), anon('v')));
    const anonId = (await backend.listUsers({ identity: 'anonymous' })).data[0]!.id;
    backend.ingest(
      KEY,
      body(3, events(T0 - DAY + 20_000, 10), anon('v', { userIdentity: { userId: 'alice', traits: { email: 'a@x.io' } } })),
    );
    const alice = (await backend.listUsers()).data[0]!;
    expect(alice).to.include({ externalId: 'alice', sessionCount: 3 });
    // The emptied anonymous profile is gone (not listed, not counted, not found).
    expect((await backend.listUsers({ identity: 'anonymous' })).total).to.equal(0);
    expect(await backend.getSummary()).to.include({ total: 1, identified: 1, anonymous: 0 });
    let notFound = '';
    await backend.getUser(anonId).catch((e: { kind: string }) => (notFound = e.kind));
    expect(notFound).to.equal('not-found');

    // Logged in: a new session recorded while identified.
    backend.ingest(KEY, body(4, events(T0 - 10 * MIN, 10), anon('v', { userIdentity: { userId: 'alice' } })));
    // Logout: the SDK starts a new session; it carries the anonymousId and no identity.
    backend.ingest(KEY, body(5, events(T0 - 5 * MIN, 10), anon('v')));
    // A late batch of the identified session without identity never moves it back.
    backend.ingest(KEY, body(4, events(T0 - 9 * MIN, 10), anon('v')));

    const aliceAfter = await backend.getUser(alice.id);
    expect(aliceAfter.sessionCount).to.equal(4);
    expect(aliceAfter.traits).to.deep.equal({ email: 'a@x.io' });
    const anonymous = await backend.listUsers({ identity: 'anonymous' });
    expect(anonymous.data.map((u) => [u.id, u.sessionCount])).to.deep.equal([[anonId, 1]]);
    const anonSessions = await backend.listSessions(anonId);
    expect(anonSessions.data.map((s) => s.externalId)).to.deep.equal([uuid(5)]);
    // Two profiles of the same person count as two users.
    expect(await backend.getSummary()).to.include({ total: 2, identified: 1, anonymous: 1 });
    expect((await walk(backend, { identity: 'all' })).map((u) => u.identity).sort()).to.deep.equal(['anonymous', 'identified']);
  });

  it('treats a dozor:identity marker as identify (with traits) and merges the visitor', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - 2 * DAY, 10), anon('v2')));
    const evs = events(T0 - MIN, 12);
    evs[4] = custom('dozor:identity', T0 - MIN + 4000, { userId: 'bob', traits: { company: 'Acme' } });
    backend.ingest(KEY, body(2, evs, anon('v2')));
    const bob = (await backend.listUsers()).data[0]!;
    expect(bob).to.include({ externalId: 'bob', sessionCount: 2 });
    expect(bob.traits).to.deep.equal({ company: 'Acme' });
    expect(bob.tags!.map((t) => t.id)).to.include('work-info');
    expect((await backend.listUsers({ identity: 'anonymous' })).total).to.equal(0);
  });

  it('moves orders with merged sessions', async () => {
    const { backend } = setup();
    const evs = events(T0 - DAY, 12);
    evs[2] = custom('dozor:order', T0 - DAY + 2000, {});
    backend.ingest(KEY, body(1, evs, anon('v3')));
    expect((await backend.listUsers({ identity: 'anonymous' })).data[0]!.orderCount).to.equal(1);
    backend.ingest(KEY, body(2, events(T0 - MIN, 10), anon('v3', { userIdentity: { userId: 'carol' } })));
    const carol = (await backend.listUsers()).data[0]!;
    expect(carol).to.include({ orderCount: 1, sessionCount: 2 });
  });

  it('gives a session without identity or anonymousId an anonymous profile of its own, named by the SDK session id', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata()));
    backend.ingest(KEY, body(2, events(T0 - MIN, 10), metadata()));
    expect(await backend.getSummary()).to.include({ total: 2, identified: 0, anonymous: 2 });
    const profiles = await walk(backend, { identity: 'anonymous', sort: 'newest', sortDir: 'asc' });
    expect(profiles.map((u) => [u.externalId, u.identity, u.sessionCount])).to.deep.equal([
      [uuid(1), 'anonymous', 1],
      [uuid(2), 'anonymous', 1],
    ]);
  });

  it('re-identifying a session with another userId relinks it (Dozor), keeping one row per externalId', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'a' } })));
    backend.ingest(KEY, body(1, events(T0 - MIN + 20_000, 10), metadata({ userIdentity: { userId: 'b' } })));
    const users = await walk(backend, { sort: 'sessions' });
    expect(users.map((u) => [u.externalId, u.sessionCount])).to.deep.equal([
      ['b', 1],
      ['a', 0],
    ]);
  });
});
