// `npm run bench`: bundles each bench/*.bench.ts with esbuild and runs it in Node with --expose-gc
// (so heap figures are measured after a collection). Benchmarks print their own medians and ratios.
// Without a filter it then runs the browser benchmark (scripts/bench-browser.mjs, `npm run bench:browser`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const only = process.argv[2];
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
const outDir = join('node_modules', '.cache', 'dozor-bench');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const file of files) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join('bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', outfile], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
if (!only) {
  console.log('\n# browser (scripts/bench-browser.mjs)');
  const browser = spawnSync(process.execPath, ['scripts/bench-browser.mjs'], { stdio: 'inherit' });
  if (browser.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
