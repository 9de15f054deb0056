import { expect } from '@open-wc/testing';
import { install } from '@sinonjs/fake-timers';
import { createMemoryBackend, createTrafficSimulator, simulateTraffic, type MemoryBackend } from '../../src/backend/index.js';
import { clock, T0, walk, type Clock } from './memory-helpers.js';

function world(seed = 'world'): { backend: MemoryBackend; c: Clock } {
  const c = clock(T0);
  return { backend: createMemoryBackend({ now: c.now, generate: { seed, users: 80, days: 30 } }), c };
}

/** Runs `seconds` of simulated traffic on the controllable clock. */
function run(backend: MemoryBackend, c: Clock, seconds: number, seed = 'traffic'): void {
  const simulator = createTrafficSimulator(backend, { ratePerSecond: 4, seed });
  for (let i = 0; i < seconds; i++) {
    c.advance(1000);
    simulator.step(1000);
  }
}

describe('memory backend: live traffic simulator', () => {
  it('ingests live sessions in the wire format: users come online, visitors sign up and are merged', async () => {
    const { backend, c } = world();
    const before = await backend.getSummary();
    run(backend, c, 120);
    const after = await backend.getSummary();
    expect(after.onlineNow).to.be.greaterThan(0);
    expect(after.total).to.be.greaterThan(before.total); // new visitors and sign-ups
    const users = await walk(backend, { search: 'usr_live_' });
    expect(users.length).to.be.greaterThan(0);
    for (const user of users) {
      expect(user.identity).to.equal('identified');
      expect(user.traits?.['email']).to.match(/@example\.test$/);
      // The sign-up session recorded while anonymous moved to the identified profile.
      expect(user.sessionCount).to.be.greaterThan(0);
    }
    const online = await walk(backend, { statuses: ['ONLINE'], identity: 'all' });
    const timeline = await backend.getTimeline(online[0]!.id, { range: '6h' });
    expect(timeline.pages.length).to.be.greaterThan(0);
  });

  it('is deterministic for a seed and clock', async () => {
    const a = world();
    const b = world();
    run(a.backend, a.c, 60);
    run(b.backend, b.c, 60);
    expect(await walk(b.backend, { limit: 100, identity: 'all' })).to.deep.equal(await walk(a.backend, { limit: 100, identity: 'all' }));
  });

  it('sends on a timer until stopped, and rejects a bad rate', async () => {
    const backend = createMemoryBackend({ generate: { seed: 'timer', users: 10 } });
    let changes = 0;
    backend.subscribe(() => changes++);
    const timers = install({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = simulateTraffic(backend, { ratePerSecond: 200, tickMs: 20 });
      timers.tick(300);
      stop();
      await backend.getSummary();
      expect(changes).to.be.greaterThan(0);
      const seen = changes;
      timers.tick(150);
      expect(changes).to.equal(seen);
    } finally {
      timers.uninstall();
    }
    expect(() => simulateTraffic(backend, { ratePerSecond: 0 })).to.throw(RangeError);
  });

  it('names visitors without the seed, and records the browser of every session as the SDK reports it', async () => {
    const { backend, c } = world();
    run(backend, c, 120, 'seed-in-names?');
    const everyone = await walk(backend, { identity: 'all', limit: 100 });
    const live = everyone.filter((user) => /^(anon|usr_live)_/.test(user.externalId) && !/^anon_[0-9a-z]{1,7}$/.test(user.externalId));
    expect(live.length).to.be.greaterThan(0);
    for (const user of live) {
      expect(user.externalId).to.match(/^(anon|usr_live)_[0-9a-f]{12}$/);
      expect(user.externalId).not.to.include('seed');
    }
    const sessions = await backend.listSessions(live[0]!.id);
    for (const session of sessions.data) {
      expect(session.userAgent).to.match(/^Mozilla\/5\.0 \(/);
      expect(session.screenWidth).to.be.greaterThan(0);
      expect(session.screenHeight).to.be.greaterThan(0);
      expect(session.language).to.match(/^[a-z]{2}-[A-Z]{2}$/);
    }
    expect(backend.capabilities.sessionClient).to.equal(true);
  });
});
