// The real Dozor SDK 1.1.0's traffic (test/fixtures/dozor-sdk-1.1.0) replayed into the memory backend:
// directly, through the MSW handlers in-process, and through MSW's service worker with the browser's own
// fetch (gzip bodies, keepalive sends, the cancel call). Each gives what the fixture's README says a
// faithful server shows. The same replay runs in Node in test/node/sdk-replay.test.ts.
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createDozorHandlers } from '../../src/backend/msw/index.js';
import { handlersFetch } from './http-helpers.js';
import { expectedObservation, observe, replayDirect, replayOverHttp, replayTarget, type SdkTraffic } from './sdk-replay.js';

const BASE = 'http://dozor.sdk.test';
let traffic: SdkTraffic;
before(async () => {
  traffic = (await (await fetch(new URL('../fixtures/dozor-sdk-1.1.0/traffic.json', import.meta.url))).json()) as SdkTraffic;
});

describe('the real SDK 1.1.0 traffic, replayed', () => {
  it('through backend.ingest / cancelSession gives the users, identities, counts, tags, sessions and pages of the README', async () => {
    const { backend, setNow } = replayTarget(traffic);
    replayDirect(traffic, backend, setNow);
    expect(await observe(traffic, backend)).to.deep.equal(expectedObservation(traffic));
  });

  it('shows the anonymous profiles under the identity filter, and none for the cancelled session', async () => {
    const { backend, setNow } = replayTarget(traffic);
    replayDirect(traffic, backend, setNow);
    const anonymous = (await backend.listUsers({ identity: 'anonymous' })).data.map((u) => u.externalId).sort();
    expect(anonymous).to.deep.equal([traffic.sessions.A2, traffic.sessions.B1].sort());
    const everyone = (await backend.listUsers({ identity: 'all', limit: 100 })).data;
    expect(everyone.some((u) => u.externalId === traffic.sessions.A3 || u.externalId === traffic.sessions.A1)).to.equal(false);
  });

  it('through the MSW handlers (POST /api/ingest, POST /api/sessions/cancel) gives the same', async () => {
    const { backend, setNow } = replayTarget(traffic);
    const statuses = await replayOverHttp(traffic, BASE, setNow, handlersFetch(createDozorHandlers(backend, { baseUrl: BASE })));
    expect(statuses).to.deep.equal(traffic.requests.map(() => 204));
    expect(await observe(traffic, backend)).to.deep.equal(expectedObservation(traffic));
  });

  describe('through MSW’s service worker with the browser’s fetch', () => {
    let target: ReturnType<typeof replayTarget>;
    let worker: ReturnType<typeof setupWorker>;
    before(async () => {
      target = replayTarget(traffic);
      worker = setupWorker(...createDozorHandlers(target.backend, { baseUrl: '' }));
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    });
    after(() => worker.stop());

    it('accepts the gzip bodies, the keepalive sends and the cancel call', async () => {
      const statuses = await replayOverHttp(traffic, '', target.setNow);
      expect(statuses).to.deep.equal(traffic.requests.map(() => 204));
      expect(await observe(traffic, target.backend)).to.deep.equal(expectedObservation(traffic));
    });
  });
});
