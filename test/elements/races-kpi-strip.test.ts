/**
 * The last query wins (issue 15) for the KPI strip: a fast-check `scheduler()` property interleaves
 * backend swaps, pushed data with its live refresh and "Refresh now" clicks with the answers in
 * random order; once quiet the cards show a direct `getSummary` of the current backend.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/kpi-strip/define.js';
import type { DozorKpiStrip } from '../../src/elements/kpi-strip/kpi-strip.js';
import { assertRace, raceRuns, runRace, scheduledBackend, updatesDone, type RaceStep } from './race-harness.js';
import { ingestNewUser, overviewWorld } from './race-world.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('races: the KPI strip (issue 15)', function () {
  this.timeout(600_000);

  it('the KPI strip shows the summary of its current backend, whatever the order of answers', async () => {
    const started = performance.now();
    const runs = raceRuns(500);
    const action = fc.oneof(
      fc.record({ kind: fc.constant('backend' as const), which: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant('push' as const), which: fc.integer({ min: 0, max: 1 }) }),
      fc.constant({ kind: 'refresh-now' as const }),
    );
    await assertRace(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 0, max: 1 }), fc.array(action, { maxLength: 6 }), async (s, first, actions) => {
        const worlds = [await overviewWorld('a'), await overviewWorld('b')];
        const backends = worlds.map((w, i) => scheduledBackend(w.backend, s, `world${i}`));
        const el = document.createElement('dozor-kpi-strip') as DozorKpiStrip;
        el.showUpdated = true;
        el.backend = backends[first];
        document.body.append(el);
        try {
          let current = first;
          const steps: RaceStep[] = actions.flatMap((a): RaceStep[] => {
            if (a.kind === 'backend')
              return [{ label: `backend ${a.which}`, run: () => void ((current = a.which), (el.backend = backends[a.which])) }];
            if (a.kind === 'push') {
              // Data changes, then the live refresh its push causes (only the strip's own backend pushes to it).
              return [
                { label: `ingest ${a.which}`, run: () => ingestNewUser(worlds[a.which]!) },
                { label: 'live refresh', run: () => (a.which === current ? el.refresh() : undefined) },
              ];
            }
            return [{ label: 'refresh now', run: () => refreshNowButton(el)?.click() }];
          });
          await runRace(s, steps, () => updatesDone(el));
          const expected = await worlds[current]!.backend.getSummary();
          const shown = [...shadow(el).querySelectorAll('[part="value"]')].map((v) => v.textContent!.trim());
          expect(shown.slice(0, 4)).to.deep.equal(
            [expected.total, expected.onlineNow, expected.active24h, expected.newThisWeek].map(String),
          );
        } finally {
          el.remove();
        }
      }),
      runs,
    );
    console.log(`KPI strip race: ${runs} runs in ${Math.round(performance.now() - started)} ms`);
  });
});

function refreshNowButton(el: DozorKpiStrip): HTMLButtonElement | null {
  return shadow(el).querySelector('dozor-last-updated')?.shadowRoot?.querySelector('button') ?? null;
}
