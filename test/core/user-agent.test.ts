import { expect } from '@open-wc/testing';
import { summarizeUserAgent } from '../../src/core/index.js';

describe('core/user-agent', () => {
  const cases: [userAgent: string, browser: string | null, os: string | null, device: string | null][] = [
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Chrome 120',
      'Windows',
      'desktop',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
      'Edge 120',
      'Windows',
      'desktop',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
      'Safari 17',
      'macOS',
      'desktop',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox 121', 'Linux', 'desktop'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      'Safari 17',
      'iOS',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
      'Chrome 120',
      'iOS',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      'Safari 17',
      'iOS',
      'tablet',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
      'Chrome 120',
      'Android',
      'mobile',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36',
      'Samsung Internet 23',
      'Android',
      'tablet',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0',
      'Opera 106',
      'ChromeOS',
      'desktop',
    ],
    // What the real Dozor SDK 1.1.0 sent from the fixture recording's headless browser.
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Chrome 156',
      'Linux',
      'desktop',
    ],
    // The traffic simulator's own marker: nothing recognizable, nothing guessed.
    ['Mozilla/5.0 (dozor-elements traffic simulator)', null, null, null],
  ];
  for (const [userAgent, browser, os, device] of cases) {
    it(`reads ${browser ?? 'nothing'} / ${os ?? 'nothing'} / ${device ?? 'nothing'} from ${userAgent.slice(0, 60)}…`, () => {
      expect(summarizeUserAgent(userAgent)).to.deep.equal({ browser, os, device });
    });
  }

  it('gives all nulls for a missing, empty or non-string user agent', () => {
    const none = { browser: null, os: null, device: null };
    expect(summarizeUserAgent(null)).to.deep.equal(none);
    expect(summarizeUserAgent(undefined)).to.deep.equal(none);
    expect(summarizeUserAgent('   ')).to.deep.equal(none);
    expect(summarizeUserAgent(42 as unknown as string)).to.deep.equal(none);
  });
});
