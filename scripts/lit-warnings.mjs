// Lit's development build (the tests load it: web-test-runner resolves the 'development' export condition)
// warns on console about misuse: a class field shadowing a reactive property, an update scheduled after an
// update completed, and so on. Every such warning ends with "See https://lit.dev/msg/<code> ...". The
// test run fails on any of them except the one "Lit is in dev mode" notice, which every page logs.
const LIT_WARNING = /lit\.dev\/msg\/([a-z0-9-]+)/;
const ALLOWED_CODES = new Set(['dev-mode']);

const codeOf = (args) => LIT_WARNING.exec(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '))?.[1];

/** The "Lit is in dev mode" notice every page logs once: kept out of the browser logs (filterBrowserLogs). */
export const isLitDevModeNotice = (args) => ALLOWED_CODES.has(codeOf(args));

/** The Lit warnings logged by web-test-runner's sessions, as `{ file, code, message }`. */
export function litWarningsOf(sessions) {
  const found = [];
  for (const session of sessions) {
    for (const args of session.logs ?? []) {
      const code = codeOf(args);
      if (code && !ALLOWED_CODES.has(code)) found.push({ file: session.testFile, code, message: args.join(' ') });
    }
  }
  return found;
}
