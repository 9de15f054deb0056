import { expect } from '@open-wc/testing';
import { DozorBackendError } from '../../src/backend/index.js';
import { body, custom, DAY, events, expectRejects, HOUR, KEY, metadata, MIN, setup, T0, uuid } from './memory-helpers.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('memory backend: ingest in Dozor wire format', () => {
  it('shows one session in list, detail, activity, timeline and sessions with the reference numbers', async () => {
    const { backend } = setup();
    const S = T0 - 30 * MIN; // 11:30:00Z
    const batch1 = events(S, 12, 5000); // S .. S+55s, 12 events
    batch1[6] = custom('dozor:url', S + 30_000, { url: 'https://app.test/checkout', pathname: '/checkout' });
    const meta = metadata({
      url: 'https://app.test/pricing?x=1',
      userIdentity: { userId: 'u1', traits: { email: 'Alice@Example.com', plan: 'pro' } },
    });
    backend.ingest(KEY, body(1, batch1, meta));
    backend.ingest(KEY, body(1, events(S + 60_000, 8, 5000), meta)); // S+60s .. S+95s, 8 events

    const page = await backend.listUsers();
    expect(page.total).to.equal(1);
    expect(page.nextCursor).to.equal(null);
    const item = page.data[0]!;
    expect(item).to.include({
      externalId: 'u1',
      displayName: 'u1',
      projectId: 'p1',
      projectName: 'Production',
      sessionCount: 1,
      lastEventAt: iso(S + 95_000),
      status: 'ACTIVE_24H',
      activeTime7d: 95,
      createdAt: iso(T0),
      identity: 'identified',
      orderCount: 0,
    });
    expect(item.traits).to.deep.equal({ email: 'Alice@Example.com', plan: 'pro' });
    const tagIds = item.tags!.map((t) => t.id);
    expect(tagIds).to.include('new');
    expect(tagIds).to.include('contact-info');
    expect(tagIds).not.to.include('returning');
    expect(tagIds).not.to.include('buyer');

    const detail = await backend.getUser(item.id);
    expect(detail).to.include({ customName: null, displayNameTraitKey: null, projectDisplayNameTraitKey: null, sessionCount: 1 });

    const activity = await backend.getActivity(item.id, { range: '24h' });
    expect(activity.range).to.equal('24h');
    expect(activity.from).to.equal(iso(T0 - DAY));
    expect(activity.to).to.equal(iso(T0));
    expect(activity.bucketMs).to.equal(900_000);
    expect(activity.buckets).to.deep.equal([
      {
        t: iso(S),
        total: 20,
        byPage: [
          { pathname: '/pricing', count: 12 },
          { pathname: '/checkout', count: 8 },
        ],
      },
    ]);
    expect(activity.pageDistribution).to.deep.equal([
      { pathname: '/checkout', duration: 65, share: 65 / 95, visits: 1 },
      { pathname: '/pricing', duration: 30, share: 30 / 95, visits: 1 },
    ]);
    expect(activity.summary).to.deep.equal({
      sessionCount: 1,
      totalActiveTime: 95,
      avgSessionDuration: 95,
      totalEvents: 20,
      uniquePages: 2,
      topPage: '/checkout',
      firstEventAt: iso(S),
      lastEventAt: iso(S + 95_000),
    });

    const timeline = await backend.getTimeline(item.id, { range: '6h' });
    expect(timeline.from).to.equal(iso(T0 - 6 * HOUR));
    expect(timeline.pages).to.deep.equal(['/checkout', '/pricing']);
    expect(timeline.sessions).to.have.length(1);
    expect(timeline.sessions[0]).to.deep.include({
      externalId: uuid(1),
      startedAt: iso(S),
      endedAt: iso(S + 95_000),
      duration: 95,
      url: 'https://app.test/pricing?x=1',
    });
    expect(timeline.sessions[0]!.periods).to.deep.equal([
      { url: 'https://app.test/pricing?x=1', pathname: '/pricing', startedAt: iso(S), endedAt: iso(S + 30_000), duration: 30 },
      { url: 'https://app.test/checkout', pathname: '/checkout', startedAt: iso(S + 30_000), endedAt: iso(S + 95_000), duration: 65 },
    ]);

    const sessions = await backend.listSessions(item.id);
    expect(sessions.nextCursor).to.equal(null);
    expect(sessions.data).to.have.length(1);
    expect(sessions.data[0]).to.include({
      externalId: uuid(1),
      projectId: 'p1',
      projectName: 'Production',
      url: 'https://app.test/pricing?x=1',
      duration: 95,
      eventCount: 20,
      createdAt: iso(T0),
      trackedUserId: item.id,
      userId: null,
      userDisplayName: null,
      userTraits: null,
    });

    expect(await backend.getStatus(item.id)).to.deep.equal({ online: false, lastEventAt: iso(S + 95_000) });
    // Dozor's order (newest first; created together: the later added first) and its mask (4 + 24 bullets + 4).
    const projects = await backend.listProjects();
    expect(projects.map((p) => p.id)).to.deep.equal(['p2', 'p1']);
    expect(projects[1]).to.include({
      id: 'p1',
      name: 'Production',
      sessionCount: 1,
      lastUsedAt: iso(T0),
      maskedKey: `dp_aaaa${'\u2022'.repeat(24)}aaaa`,
    });
    expect(projects[0]).to.include({ id: 'p2', sessionCount: 0, lastUsedAt: null });
  });

  it('keeps throwaway sessions (< 10 events or < 1 s) invisible everywhere', async () => {
    const { backend } = setup();
    const meta = metadata({ userIdentity: { userId: 'u1' } });
    backend.ingest(KEY, body(1, events(T0 - 10 * MIN, 9), meta)); // 9 events: throwaway
    backend.ingest(KEY, body(2, events(T0 - 5 * MIN, 15, 50), meta)); // 700 ms → duration round(0.7) = 1 s: real
    backend.ingest(KEY, body(3, events(T0 - 4 * MIN, 15, 30), meta)); // 420 ms → duration 0: throwaway
    const [user] = (await backend.listUsers()).data;
    expect(user).to.include({ sessionCount: 1, lastEventAt: iso(T0 - 5 * MIN + 700), activeTime7d: 1 });
    expect((await backend.listSessions(user!.id)).data.map((s) => s.externalId)).to.deep.equal([uuid(2)]);
    const timeline = await backend.getTimeline(user!.id, { range: '24h' });
    expect(timeline.sessions.map((s) => s.externalId)).to.deep.equal([uuid(2)]);
    const activity = await backend.getActivity(user!.id, { range: '24h' });
    expect(activity.summary.sessionCount).to.equal(1);
    expect(activity.summary.totalEvents).to.equal(15);
    // The project counts every session it received, throwaway ones included (as Dozor does).
    expect((await backend.listProjects()).find((p) => p.id === 'p1')!.sessionCount).to.equal(3);
    // A user with throwaway sessions only is listed (as Dozor does) but with no session and DORMANT.
    backend.ingest(KEY, body(4, events(T0 - MIN, 3), metadata({ userIdentity: { userId: 'u2' } })));
    const u2 = (await backend.listUsers({ search: 'u2' })).data[0]!;
    expect(u2).to.include({ sessionCount: 0, lastEventAt: null, status: 'DORMANT', activeTime7d: 0 });
  });

  it('never shrinks the window on out-of-order batches (LEAST / GREATEST)', async () => {
    const { backend } = setup();
    const meta = metadata({ userIdentity: { userId: 'u1' } });
    backend.ingest(KEY, body(1, events(T0 - 10 * MIN, 10), meta)); // [T0-10m, T0-10m+9s]
    backend.ingest(KEY, body(1, events(T0 - 20 * MIN, 5), meta)); // earlier batch arrives late
    backend.ingest(KEY, body(1, events(T0 - 15 * MIN, 5), meta)); // inside the window
    backend.ingest(KEY, body(1, [], meta)); // no events: nothing changes
    const [user] = (await backend.listUsers()).data;
    const [session] = (await backend.listSessions(user!.id)).data;
    expect(session).to.include({
      startedAt: iso(T0 - 20 * MIN),
      endedAt: iso(T0 - 10 * MIN + 9000),
      duration: Math.round((10 * MIN + 9000) / 1000),
      eventCount: 20,
    });
  });

  it('uses now() for a new session without events', async () => {
    const { backend, clock } = setup();
    backend.ingest(KEY, body(1, [], metadata({ userIdentity: { userId: 'u1' } })));
    clock.advance(MIN);
    backend.ingest(KEY, body(1, events(T0 + 10_000, 10), metadata()));
    const [user] = (await backend.listUsers()).data;
    const [session] = (await backend.listSessions(user!.id)).data;
    expect(session).to.include({ startedAt: iso(T0), endedAt: iso(T0 + 19_000), eventCount: 10, duration: 19 });
  });

  it('replaces traits wholesale and leaves them unchanged when omitted', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1', traits: { a: 1, b: 2 } } })));
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1', traits: { c: 3 } } })));
    expect((await backend.listUsers()).data[0]!.traits).to.deep.equal({ c: 3 });
    backend.ingest(KEY, body(2, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1' } })));
    const [user] = (await backend.listUsers()).data;
    expect(user!.traits).to.deep.equal({ c: 3 });
    expect(user!.sessionCount).to.equal(2);
    expect((await backend.listUsers()).total).to.equal(1); // one row per (project, externalId)
  });

  it('keeps one row per (project, externalId): the same id in two projects is two users', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'same' } })));
    backend.ingest(`dp_${'b'.repeat(32)}`, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'same' } })));
    const page = await backend.listUsers({ sort: 'newest' });
    expect(page.data.map((u) => u.projectId).sort()).to.deep.equal(['p1', 'p2']);
  });

  it('counts dozor:order events toward the Buyer tag', async () => {
    const { backend } = setup();
    const evs = events(T0 - MIN, 12);
    evs[3] = custom('dozor:order', T0 - MIN + 3000, { total: 10 });
    evs[5] = custom('dozor:order', T0 - MIN + 5000, { total: 12 });
    backend.ingest(KEY, body(1, evs, metadata({ userIdentity: { userId: 'u1' } })));
    const [user] = (await backend.listUsers()).data;
    expect(user!.orderCount).to.equal(2);
    expect(user!.tags!.map((t) => t.id)).to.include('buyer');
  });

  it('rejects an unknown key with auth and changes nothing', async () => {
    const { backend } = setup();
    const error = (() => {
      try {
        backend.ingest('dp_nope', body(1, events(T0, 10), metadata({ userIdentity: { userId: 'u1' } })));
      } catch (e) {
        return e as DozorBackendError;
      }
      return undefined;
    })();
    expect(error).to.be.instanceOf(DozorBackendError);
    expect(error!.kind).to.equal('auth');
    expect(error!.message).to.equal('Invalid API key');
    expect((await backend.getSummary()).total).to.equal(0);
  });

  const badBodies: [string, unknown][] = [
    ['body', null],
    ['sessionId', { sessionId: 'nope', events: [] }],
    ['events', { sessionId: uuid(1) }],
    ['events', { sessionId: uuid(1), events: events(T0, 501) }],
    ['events.3.timestamp', { sessionId: uuid(1), events: [...events(T0, 3), { type: 3, data: {}, timestamp: 'x' }] }],
    ['events.0.type', { sessionId: uuid(1), events: [{ data: {}, timestamp: T0 }] }],
    ['metadata.url', { sessionId: uuid(1), events: events(T0, 10), metadata: { ...metadata(), url: 3 } }],
    ['metadata.userIdentity.userId', { sessionId: uuid(1), events: events(T0, 10), metadata: metadata({ userIdentity: { userId: '' } }) }],
    [
      'metadata.userIdentity.userId',
      { sessionId: uuid(1), events: events(T0, 10), metadata: metadata({ userIdentity: { userId: 'x'.repeat(256) } }) },
    ],
    [
      'metadata.userIdentity.traits',
      { sessionId: uuid(1), events: events(T0, 10), metadata: metadata({ userIdentity: { userId: 'u', traits: [1] } }) },
    ],
    ['metadata.anonymousId', { sessionId: uuid(1), events: events(T0, 10), metadata: metadata({ anonymousId: '' }) }],
  ];
  for (const [field, bad] of badBodies) {
    it(`rejects a bad body naming ${field} and changes nothing`, async () => {
      const { backend } = setup();
      backend.ingest(KEY, body(9, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u0', traits: { a: 1 } } })));
      const before = JSON.stringify([
        await backend.listUsers({ identity: 'all' }),
        await backend.getSummary(),
        await backend.listProjects(),
      ]);
      let error: DozorBackendError | undefined;
      try {
        backend.ingest(KEY, bad);
      } catch (e) {
        error = e as DozorBackendError;
      }
      expect(error?.kind).to.equal('validation');
      expect(error?.field).to.equal(field);
      const after = JSON.stringify([
        await backend.listUsers({ identity: 'all' }),
        await backend.getSummary(),
        await backend.listProjects(),
      ]);
      expect(after).to.equal(before);
    });
  }

  it('aborts with kind aborted', async () => {
    const { backend } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = await expectRejects(backend.getSummary({ signal: controller.signal }));
    expect(error.kind).to.equal('aborted');
    const error2 = await expectRejects(backend.listUsers({}, { signal: controller.signal }));
    expect(error2.kind).to.equal('aborted');
  });

  it('returns deep copies', async () => {
    const { backend } = setup();
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1', traits: { nested: { a: 1 } } } })));
    const first = (await backend.listUsers()).data[0]!;
    (first.traits!['nested'] as { a: number }).a = 2;
    first.tags!.length = 0;
    const again = await backend.getUser(first.id);
    expect(again.traits).to.deep.equal({ nested: { a: 1 } });
    expect(again.tags!.length).to.be.greaterThan(0);
  });

  it('notifies subscribers after ingest, edits and retention', async () => {
    const { backend } = setup();
    const seen: unknown[] = [];
    const off = backend.subscribe((change) => seen.push(change));
    backend.ingest(KEY, body(1, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1' } })));
    backend.ingest(KEY, body(2, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1' } })));
    const [user] = (await backend.listUsers()).data;
    expect(seen).to.deep.equal([{ type: 'ingest', userIds: [user!.id] }]);
    await backend.updateDisplayName(user!.id, { customName: 'Boss' });
    expect(seen[1]).to.deep.equal({ type: 'edit', userIds: [user!.id] });
    backend.runRetention();
    await Promise.resolve();
    expect((seen[2] as { type: string }).type).to.equal('retention');
    off();
    backend.ingest(KEY, body(3, events(T0 - MIN, 10), metadata({ userIdentity: { userId: 'u1' } })));
    await backend.getSummary();
    expect(seen).to.have.length(3);
  });
});
