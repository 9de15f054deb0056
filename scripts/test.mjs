// `npm test`: makes sure a Chromium exists, runs web-test-runner and the Node tests (test/node), then
// prints the plain summary line (`N passed, N failed`) last, and exits non-zero when anything failed, a Lit
// dev-mode warning was logged, or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ensure = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);

const summaryPath = join(tmpdir(), `dozor-test-summary-${process.pid}.json`);
rmSync(summaryPath, { force: true });
const runner = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DOZOR_TEST_SUMMARY: summaryPath },
});

const totals = existsSync(summaryPath)
  ? JSON.parse(readFileSync(summaryPath, 'utf8'))
  : { passed: 0, failed: 0, skipped: 0, fileErrors: 0, litWarnings: 0 };
rmSync(summaryPath, { force: true });

// The Node tests (test/node) run too, unless only some browser test files were asked for.
let nodeFailed = false;
if (!process.argv.includes('--files')) {
  const nodeSummaryPath = join(tmpdir(), `dozor-node-test-summary-${process.pid}.json`);
  const nodeRun = spawnSync(process.execPath, ['scripts/test-node.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, DOZOR_NODE_TEST_SUMMARY: nodeSummaryPath },
  });
  const nodeTotals = existsSync(nodeSummaryPath) ? JSON.parse(readFileSync(nodeSummaryPath, 'utf8')) : { passed: 0, failed: 1 };
  rmSync(nodeSummaryPath, { force: true });
  totals.passed += nodeTotals.passed;
  totals.failed += nodeTotals.failed;
  nodeFailed = nodeRun.status !== 0;
}
if (totals.litWarnings > 0) console.log(`${totals.litWarnings} Lit dev-mode warning(s) logged (listed above): each counts as a failure`);
const failed = totals.failed + totals.fileErrors + totals.litWarnings;
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${failed} failed${skipped}`);
process.exit(runner.status !== 0 || nodeFailed || failed > 0 || totals.passed === 0 ? 1 : 0);
