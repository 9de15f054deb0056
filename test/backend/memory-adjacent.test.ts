import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMemoryBackend, USER_SORTS, type ListUsersQuery } from '../../src/backend/index.js';
import { USER_STATUSES } from '../../src/core/index.js';
import { expectRejects, walk } from './memory-helpers.js';

const NOW = Date.UTC(2026, 4, 13, 12);
const backend = createMemoryBackend({
  now: () => NOW,
  generate: { seed: 'adjacent', users: 60, projects: 2, days: 20, sessionsPerUser: 2 },
});

const queryArb: fc.Arbitrary<ListUsersQuery> = fc.record(
  {
    sort: fc.constantFrom(...USER_SORTS),
    sortDir: fc.constantFrom('asc' as const, 'desc' as const),
    statuses: fc.subarray([...USER_STATUSES], { minLength: 1 }),
    identity: fc.constantFrom('identified' as const, 'anonymous' as const, 'all' as const),
    search: fc.constantFrom('a', 'e', 'co'),
  },
  { requiredKeys: ['sort', 'sortDir'] },
);

describe('memory backend: adjacentUser', () => {
  it('property: stepping next from the first user visits the whole list in order, and previous walks it back', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        const order = (await walk(backend, { ...query, limit: 100 })).map((user) => user.id);
        if (order.length === 0) return;
        const forward = [order[0]!];
        for (
          let user = await backend.adjacentUser!(order[0]!, query, 'next');
          user;
          user = await backend.adjacentUser!(user.id, query, 'next')
        ) {
          forward.push(user.id);
          if (forward.length > order.length) break;
        }
        expect(forward).to.deep.equal(order);
        const last = order[order.length - 1]!;
        const backward = [last];
        for (
          let user = await backend.adjacentUser!(last, query, 'previous');
          user;
          user = await backend.adjacentUser!(user.id, query, 'previous')
        ) {
          backward.push(user.id);
          if (backward.length > order.length) break;
        }
        expect(backward).to.deep.equal([...order].reverse());
      }),
      { numRuns: 25 },
    );
  });

  it('steps from a user the filters leave out, from its place in the order', async () => {
    const everyone = await walk(backend, { sort: 'newest', identity: 'all', limit: 100 });
    const onlineOnly: ListUsersQuery = { sort: 'newest', identity: 'all', statuses: ['DORMANT'] };
    const dormant = new Set((await walk(backend, { ...onlineOnly, limit: 100 })).map((user) => user.id));
    const outsider = everyone.findIndex((user) => !dormant.has(user.id));
    expect(outsider).to.be.greaterThan(-1);
    const next = await backend.adjacentUser!(everyone[outsider]!.id, onlineOnly, 'next');
    const expected = everyone.slice(outsider + 1).find((user) => dormant.has(user.id)) ?? null;
    expect(next?.id ?? null).to.equal(expected?.id ?? null);
  });

  it('an unknown user is not-found; a bad query is a validation error', async () => {
    expect((await expectRejects(backend.adjacentUser!('nobody', {}, 'next'))).kind).to.equal('not-found');
    const someone = (await backend.listUsers({ limit: 1 })).data[0]!.id;
    expect((await expectRejects(backend.adjacentUser!(someone, { sort: 'nope' as never }, 'next'))).kind).to.equal('validation');
  });
});
