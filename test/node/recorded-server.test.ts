// The real Dozor server's recorded answers (test/fixtures/dozor-server) through the HTTP adapter in
// Node, and its SDK-route answers against the MSW handlers' (as test/backend/recorded-server.test.ts
// checks in Chromium).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import exchanges from '../fixtures/dozor-server/exchanges.json';
import { answerCases, sdkRouteReplay, walkCases, type ServerRecording } from '../backend/recorded-server.js';

const recording = exchanges as unknown as ServerRecording;

describe('the real Dozor server’s recorded answers, in Node', () => {
  for (const { name, run } of answerCases(recording)) {
    it(name, async () => {
      const { actual, expected } = await run();
      assert.deepEqual(actual, expected);
    });
  }
  for (const { name, run } of walkCases(recording)) {
    it(`walk: ${name}`, async () => {
      const { actual, expected } = await run();
      assert.deepEqual(actual, expected);
    });
  }
  it('SDK routes: the MSW handlers answer as the recording', async () => {
    const { actual, expected } = await sdkRouteReplay(recording);
    assert.deepEqual(actual, expected);
  });
});
