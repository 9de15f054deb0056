// The check behind "no Lit dev-mode warning in the tests": it picks Lit's warnings out of web-test-runner's
// browser logs and lets the "Lit is in dev mode" notice through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLitDevModeNotice, litWarningsOf } from '../../scripts/lit-warnings.mjs';

const devMode = 'Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.';
const shadowing =
  'The following properties on element dozor-x will not trigger updates as expected because they are set using class fields: theme. ' +
  'Native class fields and some compiled output will overwrite accessors used for detecting changes. See https://lit.dev/msg/class-field-shadowing for more information.';

describe('litWarningsOf', () => {
  it('finds every Lit warning but the dev-mode notice, with its file and code', () => {
    const sessions = [
      { testFile: '/p/test/elements/a.test.ts', logs: [[devMode], ['plain log', 42]] },
      { testFile: '/p/test/elements/b.test.ts', logs: [[devMode], [shadowing]] },
      { testFile: '/p/test/elements/c.test.ts' },
    ];
    assert.deepEqual(litWarningsOf(sessions), [{ file: '/p/test/elements/b.test.ts', code: 'class-field-shadowing', message: shadowing }]);
  });

  it('tells the dev-mode notice apart from other logs', () => {
    assert.equal(isLitDevModeNotice([devMode]), true);
    assert.equal(isLitDevModeNotice([shadowing]), false);
    assert.equal(isLitDevModeNotice(['plain log', 42]), false);
  });
});
