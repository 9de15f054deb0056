// The real Dozor SDK 1.1.0's traffic replayed in Node: directly into the memory backend, and through
// msw/node's interception of the global fetch (gzip bodies, keepalive sends, the cancel call), each
// giving what the fixture's README says a faithful server shows (as test/backend/sdk-replay.test.ts
// checks in Chromium).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import recording from '../fixtures/dozor-sdk-1.1.0/traffic.json';
import { createDozorHandlers } from '../../src/backend/msw/index.js';
import { expectedObservation, observe, replayDirect, replayOverHttp, replayTarget, type SdkTraffic } from '../backend/sdk-replay.js';

const BASE = 'http://dozor.sdk.node.test';
const traffic = recording as unknown as SdkTraffic;
const overHttp = replayTarget(traffic);
const server = setupServer(...createDozorHandlers(overHttp.backend, { baseUrl: BASE }));

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

describe('the real SDK 1.1.0 traffic, replayed in Node', () => {
  it('through backend.ingest / cancelSession', async () => {
    const { backend, setNow } = replayTarget(traffic);
    replayDirect(traffic, backend, setNow);
    assert.deepEqual(await observe(traffic, backend), expectedObservation(traffic));
  });

  it('through msw/node: POST /api/ingest (gzip and keepalive) and POST /api/sessions/cancel', async () => {
    const statuses = await replayOverHttp(traffic, BASE, overHttp.setNow);
    assert.deepEqual(
      statuses,
      traffic.requests.map(() => 204),
    );
    assert.deepEqual(await observe(traffic, overHttp.backend), expectedObservation(traffic));
  });
});
