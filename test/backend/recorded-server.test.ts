// The real Dozor server's recorded answers (test/fixtures/dozor-server) through the HTTP adapter, and
// its SDK-route answers against the MSW handlers'. The same cases run in Node in test/node/recorded-server.test.ts.
import { expect } from '@open-wc/testing';
import { answerCases, sdkRouteReplay, walkCases, type ServerRecording } from './recorded-server.js';

let recording: ServerRecording;
before(async () => {
  recording = (await (await fetch(new URL('../fixtures/dozor-server/exchanges.json', import.meta.url))).json()) as ServerRecording;
});

describe('the real Dozor server’s recorded answers (kharko-dozor-dashboard c01cc38)', () => {
  it('each parses through createHttpBackend into what the recording holds, or rejects with the kind of its status', async () => {
    const cases = answerCases(recording);
    expect(cases.length).to.be.greaterThan(150);
    for (const { name, run } of cases) {
      const { actual, expected } = await run();
      expect(actual, name).to.deep.equal(expected);
    }
  });

  it('walks every recorded cursor walk to the recorded rows, each once, and one page under a status filter', async () => {
    const cases = walkCases(recording);
    for (const { name, run } of cases) {
      const { actual, expected } = await run();
      expect(actual, name).to.deep.equal(expected);
    }
    // The README's figures: 9 pages, 30 distinct users, aaron, xena and yves never reached.
    const defaultWalk = (await cases.find((c) => c.name === 'walk default sort (last-seen desc) limit=4')!.run()).actual as {
      rows: string[];
      sentCursors: unknown[];
    };
    expect([defaultWalk.rows.length, defaultWalk.sentCursors.length]).to.deep.equal([30, 9]);
    expect(defaultWalk.rows.filter((row) => ['aaron', 'xena', 'yves'].includes(row))).to.deep.equal([]);
  });

  it('answers the SDK routes (ingest, cancel) as the MSW handlers do: statuses, envelopes, and what is stored', async () => {
    const { actual, expected } = await sdkRouteReplay(recording);
    expect(actual).to.deep.equal(expected);
  });
});
