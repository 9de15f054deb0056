/**
 * The last query wins (issue 15), for the profile with all its blocks and for the blocks alone:
 * fast-check `scheduler()` properties interleave random changes of the user and the range (property,
 * attribute, the range selector's buttons, the URL and `popstate`), live refreshes and pushed data with
 * the backend's answers in random order; once quiet, every block shows what a direct backend call for
 * the final user and range returns, and the range selector shows that range.
 * (The blocks alone: races-blocks.test.ts.)
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/user-profile/define.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { ACTIVITY_RANGES, type ActivityRange } from '../../src/core/index.js';
import { providerHost, withRole } from './profile-fixtures.js';
import { expectedBlocks, ingestFor, RACE_USERS, raceWorld } from './race-world.js';
import {
  assertRace,
  burst,
  livePush,
  raceRuns,
  runRace,
  scheduledBackend,
  updatesDone,
  withFakeTimers,
  type RaceStep,
} from './race-harness.js';

const shadow = (el: Element) => el.shadowRoot!;
const MISSING_USER = 'tu_missing';

type Action =
  | { kind: 'user-property' | 'user-attribute'; user: number }
  | { kind: 'range-property' | 'range-attribute' | 'range-button' | 'range-popstate'; range: ActivityRange }
  | { kind: 'push'; user: number }
  | { kind: 'refresh' };

const actionArb = (users: number): fc.Arbitrary<Action> =>
  fc.oneof(
    fc.record({ kind: fc.constantFrom('user-property' as const, 'user-attribute' as const), user: fc.integer({ min: 0, max: users }) }),
    fc.record({
      kind: fc.constantFrom('range-property' as const, 'range-attribute' as const, 'range-button' as const, 'range-popstate' as const),
      range: fc.constantFrom(...ACTIVITY_RANGES),
    }),
    fc.record({ kind: fc.constant('push' as const), user: fc.integer({ min: 0, max: users - 1 }) }),
    fc.constant({ kind: 'refresh' as const }),
  );

/** What each block shows, read from the screen. */
function shownBlocks(profile: DozorUserProfile) {
  const root = shadow(profile);
  const block = (tag: string) => root.querySelector(tag)?.shadowRoot ?? null;
  return {
    name: root.querySelector('#display-name')?.textContent?.trim() ?? null,
    notFound: root.querySelector('[part~="not-found"]') !== null,
    selectorRange:
      block('dozor-range-selector')?.querySelector('[aria-checked="true"], [aria-pressed="true"]')?.getAttribute('data-range') ?? null,
    sessionsStat: root.querySelector('[part~="stat"] .stat-value')?.textContent?.trim() ?? null,
    chartBuckets: block('dozor-activity-chart')?.querySelectorAll('tbody tr').length ?? null,
    pages: [...(block('dozor-page-distribution')?.querySelectorAll('[part="row"] .path') ?? [])].map((p) => p.textContent),
    bars: block('dozor-sessions-timeline')?.querySelectorAll('[part~="timeline-bar"]').length ?? null,
    sessionRows: block('dozor-sessions-table')?.querySelectorAll('[part="row"]').length ?? null,
  };
}

function setRangeInUrl(range: ActivityRange): void {
  const url = new URL(location.href);
  url.searchParams.set('range', range);
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

describe('races: the profile and its blocks (issue 15)', function () {
  this.timeout(900_000);
  const startUrl = location.href;
  afterEach(() => history.replaceState(null, '', startUrl));

  it('the profile shows the data of its current user and range in every block, and the selector that range', async () => {
    const started = performance.now();
    const runs = raceRuns(500);
    await assertRace(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.oneof(actionArb(3), fc.array(actionArb(3), { minLength: 2, maxLength: 3 })), { maxLength: 6 }),
        async (s, firstUser, actions) =>
          withFakeTimers(async (clock) => {
            const { scenario, userIds } = await raceWorld();
            const idOf = (user: number) => userIds[user] ?? MISSING_USER;
            const backend = scheduledBackend(scenario.backend, s);
            const host = providerHost(withRole(backend, 'VIEWER'));
            const profile = document.createElement('dozor-user-profile') as DozorUserProfile;
            profile.syncUrl = true;
            profile.userId = idOf(firstUser);
            host.append(profile);
            document.body.append(host);
            try {
              const stepsOf = (a: Action): RaceStep[] => {
                switch (a.kind) {
                  case 'user-property':
                    return [{ label: `userId = ${idOf(a.user)}`, run: () => void (profile.userId = idOf(a.user)) }];
                  case 'user-attribute':
                    return [{ label: `user-id="${idOf(a.user)}"`, run: () => profile.setAttribute('user-id', idOf(a.user)) }];
                  case 'range-property':
                    return [{ label: `range = ${a.range}`, run: () => void (profile.range = a.range) }];
                  case 'range-attribute':
                    return [{ label: `range="${a.range}"`, run: () => profile.setAttribute('range', a.range) }];
                  case 'range-button':
                    return [
                      {
                        label: `click ${a.range}`,
                        run: () =>
                          shadow(profile)
                            .querySelector('dozor-range-selector')
                            ?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-range="${a.range}"]`)
                            ?.click(),
                      },
                    ];
                  case 'range-popstate':
                    return [{ label: `back to ?range=${a.range}`, run: () => setRangeInUrl(a.range) }];
                  case 'push':
                    return [
                      { label: `ingest for user ${a.user}`, run: () => ingestFor(scenario, RACE_USERS[a.user]!) },
                      { label: 'live push', run: () => livePush(backend, clock, userIds) },
                    ];
                  case 'refresh':
                    return [{ label: 'refresh', run: () => profile.refresh() }];
                }
              };
              // A burst applies its changes in one task; its pushes ingest without waiting.
              const steps = actions.flatMap((a) => (Array.isArray(a) ? [burst(a.flatMap(stepsOf))] : stepsOf(a)));
              await runRace(s, steps, () => updatesDone(profile));
              const userId = profile.userId!;
              const shown = shownBlocks(profile);
              if (userId === MISSING_USER) {
                expect(shown.notFound, 'not-found state').to.equal(true);
                expect(shadow(profile).querySelector('[part~="retry-button"]'), 'its retry').to.not.equal(null);
                return;
              }
              // As JSON, so a failure names every block that differs.
              expect(JSON.stringify(shown)).to.equal(JSON.stringify(await expectedBlocks(scenario.backend, userId, profile.range)));
            } finally {
              host.remove();
            }
          }),
      ),
      runs,
    );
    console.log(`profile race: ${runs} runs in ${Math.round(performance.now() - started)} ms`);
  });
});
