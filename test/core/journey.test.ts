import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sessionJourney, type JourneyGap, type JourneyPage, type UrlPeriod } from '../../src/core/index.js';

const T = Date.UTC(2026, 4, 13, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const period = (pathname: string, from: number, to: number | null): UrlPeriod => ({
  url: `https://app.example.com${pathname}`,
  pathname,
  startedAt: iso(T + from * 1000),
  endedAt: to === null ? null : iso(T + to * 1000),
  duration: to === null ? 0 : to - from,
});
const pages = (steps: ReturnType<typeof sessionJourney>['steps']) => steps.filter((s): s is JourneyPage => s.kind === 'page');
const gaps = (steps: ReturnType<typeof sessionJourney>['steps']) => steps.filter((s): s is JourneyGap => s.kind === 'gap');

describe('core/journey', () => {
  it('orders the pages by visit, marks entry and exit and keeps each time on page', () => {
    const journey = sessionJourney({
      startedAt: iso(T),
      endedAt: iso(T + 300_000),
      periods: [period('/checkout', 200, 300), period('/', 0, 60), period('/pricing', 60, 200)],
    });
    expect(journey.steps.map((s) => (s.kind === 'page' ? s.pathname : 'gap'))).to.deep.equal(['/', '/pricing', '/checkout']);
    expect(pages(journey.steps).map((p) => [p.position, p.duration, p.entry, p.exit])).to.deep.equal([
      [1, 60, true, false],
      [2, 140, false, false],
      [3, 100, false, true],
    ]);
    expect(journey.timeOnPages).to.equal(300);
    expect(journey.open).to.equal(false);
  });

  it('shows the unrecorded stretches before, between and after the pages as gaps', () => {
    const journey = sessionJourney({
      startedAt: iso(T),
      endedAt: iso(T + 600_000),
      periods: [period('/', 30, 90), period('/docs', 200, 500)],
    });
    expect(journey.steps.map((s) => s.kind)).to.deep.equal(['gap', 'page', 'gap', 'page', 'gap']);
    expect(gaps(journey.steps).map((g) => g.duration)).to.deep.equal([30, 110, 100]);
  });

  it('a still recording session has a current page and no exit', () => {
    const journey = sessionJourney({ startedAt: iso(T), endedAt: null, periods: [period('/', 0, 60), period('/app', 60, null)] });
    expect(journey.open).to.equal(true);
    expect(pages(journey.steps).map((p) => p.exit)).to.deep.equal([false, false]);
    expect(journey.steps.at(-1)).to.include({ kind: 'page', pathname: '/app', endedAt: null });
  });

  it('a single page is both entry and exit; no periods is an empty journey', () => {
    const one = sessionJourney({ startedAt: iso(T), endedAt: iso(T + 10_000), periods: [period('/', 0, 10)] });
    expect(pages(one.steps)[0]).to.include({ entry: true, exit: true });
    const none = sessionJourney({ startedAt: iso(T), endedAt: iso(T + 10_000), periods: [] });
    expect(none).to.deep.equal({ steps: [], pages: 0, timeOnPages: 0, open: false });
  });

  it('drops periods with an unreadable start instead of failing', () => {
    const journey = sessionJourney({
      startedAt: iso(T),
      endedAt: iso(T + 60_000),
      periods: [{ ...period('/bad', 0, 10), startedAt: 'not a date' }, period('/', 0, 60)],
    });
    expect(pages(journey.steps).map((p) => p.pathname)).to.deep.equal(['/']);
  });

  it('property: pages keep visit order, one entry, exit only when closed, and pages plus gaps fill the session', () => {
    const layout = fc.array(fc.record({ idle: fc.integer({ min: 0, max: 120 }), stay: fc.integer({ min: 1, max: 600 }) }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(layout, fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.boolean(), (steps, tail, open, shuffle) => {
        let at = 0;
        const periods = steps.map(({ idle, stay }, i) => {
          at += idle;
          const start = at;
          at += stay;
          return period(`/p${i}`, start, open && i === steps.length - 1 ? null : at);
        });
        const end = at + tail;
        const journey = sessionJourney({
          startedAt: iso(T),
          endedAt: open ? null : iso(T + end * 1000),
          periods: shuffle ? [...periods].reverse() : periods,
        });
        const shown = pages(journey.steps);
        expect(shown.map((p) => p.pathname)).to.deep.equal(periods.map((p) => p.pathname));
        expect(shown.filter((p) => p.entry).map((p) => p.position)).to.deep.equal([1]);
        expect(shown.filter((p) => p.exit).map((p) => p.position)).to.deep.equal(open ? [] : [steps.length]);
        expect(gaps(journey.steps).every((g) => g.duration >= 1)).to.equal(true);
        if (!open) {
          const filled = journey.timeOnPages + gaps(journey.steps).reduce((sum, g) => sum + g.duration, 0);
          expect(filled).to.equal(end);
        }
      }),
      { numRuns: 200 },
    );
  });
});
