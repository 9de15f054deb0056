/**
 * The browsers that generated and simulated sessions come from, as the SDK reports them in a batch's
 * metadata (`userAgent`, `screenWidth`, `screenHeight`, `language`): a realistic mix of desktops,
 * phones and a tablet, so the sessions table has devices to show.
 */
export interface SimulatedClient {
  userAgent: string;
  screenWidth: number;
  screenHeight: number;
  language: string;
}

export const SIMULATED_CLIENTS: readonly SimulatedClient[] = Object.freeze([
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    screenWidth: 1920,
    screenHeight: 1080,
    language: 'en-US',
  },
  {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    screenWidth: 1440,
    screenHeight: 900,
    language: 'en-GB',
  },
  {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    screenWidth: 390,
    screenHeight: 844,
    language: 'en-US',
  },
  {
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    screenWidth: 1536,
    screenHeight: 864,
    language: 'de-DE',
  },
  {
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    screenWidth: 412,
    screenHeight: 915,
    language: 'es-ES',
  },
  {
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    screenWidth: 1366,
    screenHeight: 768,
    language: 'fr-FR',
  },
  {
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    screenWidth: 820,
    screenHeight: 1180,
    language: 'ja-JP',
  },
  {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    screenWidth: 1728,
    screenHeight: 1117,
    language: 'uk-UA',
  },
]);
