/**
 * The last query wins (issue 15) for the profile's blocks used alone (each with its own fetch):
 * random changes of the user and the range (property, attribute), live refreshes and pushed data,
 * interleaved by fast-check's scheduler with the answers; once quiet the block shows what a direct
 * backend call for its final user and range returns.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/activity-chart/define.js';
import '../../src/elements/page-distribution/define.js';
import '../../src/elements/sessions-timeline/define.js';
import '../../src/elements/sessions-table/define.js';
import { ACTIVITY_RANGES, type ActivityRange } from '../../src/core/index.js';
import type { DozorBackend } from '../../src/backend/index.js';
import { assertRace, raceRuns, runRace, scheduledBackend, updatesDone, type RaceStep } from './race-harness.js';
import { expectedBlocks, ingestFor, RACE_USERS, raceWorld } from './race-world.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('races: the profile blocks alone (issue 15)', function () {
  this.timeout(900_000);

  for (const tag of ['dozor-activity-chart', 'dozor-page-distribution', 'dozor-sessions-timeline', 'dozor-sessions-table'] as const) {
    it(`<${tag}> alone shows the data of its current user and range`, async () => {
      const started = performance.now();
      const runs = raceRuns(200);
      const action = fc.oneof(
        fc.record({ kind: fc.constantFrom('user' as const, 'user-attribute' as const), user: fc.integer({ min: 0, max: 2 }) }),
        fc.record({ kind: fc.constantFrom('range' as const, 'range-attribute' as const), range: fc.constantFrom(...ACTIVITY_RANGES) }),
        fc.record({ kind: fc.constant('push' as const), user: fc.integer({ min: 0, max: 2 }) }),
        fc.constant({ kind: 'refresh' as const }),
      );
      await assertRace(
        fc.asyncProperty(fc.scheduler(), fc.array(action, { maxLength: 6 }), async (s, actions) => {
          const { scenario, userIds } = await raceWorld();
          const backend = scheduledBackend(scenario.backend, s);
          const el = document.createElement(tag) as HTMLElement & {
            userId?: string;
            range?: ActivityRange;
            backend?: DozorBackend;
            refresh(): void;
          };
          el.backend = backend;
          el.userId = userIds[0];
          document.body.append(el);
          try {
            const steps = actions.map((a): RaceStep => {
              switch (a.kind) {
                case 'user':
                  return { label: `userId = ${a.user}`, run: () => void (el.userId = userIds[a.user]) };
                case 'user-attribute':
                  return { label: `user-id = ${a.user}`, run: () => el.setAttribute('user-id', userIds[a.user]!) };
                case 'range':
                  return { label: `range = ${a.range}`, run: () => void (el.range = a.range) };
                case 'range-attribute':
                  return { label: `range="${a.range}"`, run: () => el.setAttribute('range', a.range) };
                case 'push':
                  return {
                    label: `ingest ${a.user} + live refresh`,
                    run: async () => (await ingestFor(scenario, RACE_USERS[a.user]!), el.refresh()),
                  };
                case 'refresh':
                  return { label: 'refresh', run: () => el.refresh() };
              }
            });
            await runRace(s, steps, () => updatesDone(el));
            const range = (el.range ?? '24h') as ActivityRange;
            const expected = await expectedBlocks(scenario.backend, el.userId!, range);
            const root = shadow(el);
            if (tag === 'dozor-activity-chart')
              expect(root.querySelectorAll('tbody tr').length, 'chart buckets').to.equal(expected.chartBuckets);
            if (tag === 'dozor-page-distribution')
              expect(
                [...root.querySelectorAll('[part="row"] .path')].map((p) => p.textContent),
                'pages',
              ).to.deep.equal(expected.pages);
            if (tag === 'dozor-sessions-timeline')
              expect(root.querySelectorAll('[part~="timeline-bar"]').length, 'bars').to.equal(expected.bars);
            if (tag === 'dozor-sessions-table')
              expect(root.querySelectorAll('[part="row"]').length, 'session rows').to.equal(expected.sessionRows);
          } finally {
            el.remove();
          }
        }),
        runs,
      );
      console.log(`${tag} race: ${runs} runs in ${Math.round(performance.now() - started)} ms`);
    });
  }
});
