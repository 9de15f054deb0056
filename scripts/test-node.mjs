// The tests that run in Node rather than Chromium (test/node/*.test.ts, e.g. MSW's `msw/node`): bundled
// with esbuild, run with `node --test`. Prints `N passed, N failed` last; with DOZOR_NODE_TEST_SUMMARY set,
// also writes the counts there as JSON (for `npm test`, which adds them to the browser tests' summary).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const outDir = join('node_modules', '.cache', 'dozor-node-tests');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const files = readdirSync(join('test', 'node')).filter((file) => file.endsWith('.test.ts'));
const bundles = [];
for (const file of files) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join('test', 'node', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    external: ['msw', 'msw/*', 'vite'],
    logLevel: 'warning',
  });
  bundles.push(outfile);
}

const tap = join(outDir, 'results.tap');
const run = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...bundles,
  ],
  { stdio: 'inherit' },
);
const results = readFileSync(tap, 'utf8');
const count = (name) => Number(results.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
const totals = { passed: count('pass'), failed: count('fail') + count('cancelled') };
if (process.env.DOZOR_NODE_TEST_SUMMARY) writeFileSync(process.env.DOZOR_NODE_TEST_SUMMARY, JSON.stringify(totals));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(run.status !== 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
