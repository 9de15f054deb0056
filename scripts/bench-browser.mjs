// `npm run bench:browser`: the users list rendered by <dozor-user-list>, by one innerHTML of the same rows
// (the floor) and by React 19 + @tanstack/react-table + @tanstack/react-virtual, in one Chromium, runs
// interleaved (the contenders' order rotates every run), same rows, markup, CSS and 1440×900 viewport;
// then the profile over HTTP → MSW at 100 ms latency. Prints medians and ratios.
// `--runs N` (default 7, at least 7 for figures worth quoting), `--quick` (3 runs, for trying it out).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, serveDirectory } from './browser-harness.mjs';

const args = process.argv.slice(2);
const runs = args.includes('--quick') ? 3 : args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
const WARM_REMOUNTS = 5;
const SCROLL_FRAMES = 180; // 3 s at 60 frames per second
const SCROLL_PX = 100;
const BIG_ROWS = 100_000;
const FRAME_MS = 1000 / 60;
const CONTENDERS = ['ours', 'floor', 'react'];
const LABELS = { ours: 'ours', floor: 'innerHTML floor', react: 'React + TanStack' };

// `--out DIR`: where the bundles are built and served from (two benchmarks can then run side by side).
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : 'node_modules/.cache/dozor-bench/browser');
mkdirSync(out, { recursive: true });

// The list's CSS as the element adopts it, read from the sources in Node, for the floor and React.
const cssModule = join(out, 'list-css.mjs');
await build({
  stdin: {
    contents: `import { tokens, baseStyles } from './src/elements/shared/styles.ts';
      import { toolbarStyles } from './src/elements/user-list/toolbar.styles.ts';
      import { userListStyles } from './src/elements/user-list/user-list.styles.ts';
      import { statusBadgeStyles } from './src/elements/status-badge/status-badge.styles.ts';
      import { userTagsStyles } from './src/elements/user-tags/user-tags.styles.ts';
      export default [tokens, baseStyles, toolbarStyles, userListStyles, statusBadgeStyles, userTagsStyles].map((s) => s.cssText).join('\\n');`,
    resolveDir: resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: cssModule,
  logLevel: 'warning',
});
const listCss = (await import(pathToFileURL(cssModule).href)).default;

const bundleOptions = {
  outdir: out,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"', __BENCH_LIST_CSS__: JSON.stringify(listCss) },
  logLevel: 'warning',
};
await build({
  ...bundleOptions,
  entryPoints: { ours: 'bench/browser/ours.ts', floor: 'bench/browser/floor.ts', react: 'bench/browser/react.tsx' },
});
// Split as a host's bundler splits it: uPlot is a chunk of its own, fetched when the chart connects.
await build({
  ...bundleOptions,
  entryPoints: { profile: 'bench/browser/profile.ts' },
  splitting: true,
  chunkNames: 'profile-[name]-[hash]',
});
const page = (script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
  <style>body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; } #app { width: 1200px; }</style></head>
  <body><div id="app"></div><script type="module" src="/${script}.js"></script></body></html>`;
for (const name of [...CONTENDERS, 'profile']) writeFileSync(join(out, `${name}.html`), page(name));
copyFileSync('public/mockServiceWorker.js', join(out, 'mockServiceWorker.js'));

const { base, close } = await serveDirectory(out);
const browser = await launchChromium();
const results = Object.fromEntries(
  CONTENDERS.map((name) => [name, { cold: [], coldAfterScript: [], warm: [], scrollP95: [], dropped: [], rows: [], heapMb: [] }]),
);
const profile = { ms: [], roundTrips: [], requests: [] };

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const median = (values) => percentile(values, 50);

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const tab = await context.newPage();
  // A loaded machine can take long to generate 100k rows or lay out a page: wait, do not fail.
  tab.setDefaultTimeout(300_000);
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  return { tab, context, errors };
}

async function heapUsedMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Main-thread work per frame: the CPU time (thread time, so other processes on a loaded machine do not
 * count) of the renderer main thread's top-level tasks that start between consecutive frame marks.
 */
function workPerFrame(traceEvents) {
  const marks = traceEvents.filter((e) => e.name === 'bench-frame' && e.ph !== 'M');
  if (marks.length === 0) throw new Error('no frame marks in the trace');
  const { pid, tid } = marks[0];
  const frameStarts = marks.map((e) => e.ts).sort((a, b) => a - b);
  const onMain = traceEvents.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid);
  const taskName = onMain.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const work = frameStarts.slice(0, -1).map(() => 0);
  for (const task of onMain) {
    if (task.name !== taskName) continue;
    const frame = frameStarts.findLastIndex((start) => start <= task.ts);
    if (frame >= 0 && frame < work.length) work[frame] += (task.tdur ?? task.dur ?? 0) / 1000;
  }
  return work;
}

async function measureList(name) {
  const result = results[name];
  {
    const { tab, context, errors } = await newPage();
    await tab.goto(`${base}/${name}.html?rows=1000`);
    result.cold.push(await tab.evaluate(() => window.listBench.cold));
    result.coldAfterScript.push(await tab.evaluate(() => window.listBench.coldAfterScript));
    result.warm.push(median(await tab.evaluate((times) => window.listBench.warm(times), WARM_REMOUNTS)));
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    await context.close();
  }
  {
    const { tab, context, errors } = await newPage();
    const cdp = await context.newCDPSession(tab);
    await tab.goto(`${base}/${name}.html?rows=${BIG_ROWS}&mode=big`);
    await tab.waitForFunction(() => window.listBench !== undefined);
    const before = await heapUsedMb(cdp);
    await tab.evaluate(() => window.listBench.mountAll());
    result.heapMb.push((await heapUsedMb(cdp)) - before);
    await browser.startTracing(tab, { categories: ['toplevel', 'blink.user_timing'] });
    const scroll = await tab.evaluate(([frames, px]) => window.listBench.scroll(frames, px), [SCROLL_FRAMES, SCROLL_PX]);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    const expectedRow = Math.floor((SCROLL_FRAMES * SCROLL_PX) / 56);
    if (Math.abs(scroll.scrolledTo - expectedRow) > 2) throw new Error(`${name} scrolled to row ${scroll.scrolledTo}, not ${expectedRow}`);
    result.scrollP95.push(percentile(workPerFrame(trace.traceEvents ?? trace), 95));
    let dropped = 0;
    for (let i = 1; i < scroll.frames.length; i++)
      dropped += Math.max(0, Math.round((scroll.frames[i] - scroll.frames[i - 1]) / FRAME_MS) - 1);
    result.dropped.push(dropped);
    result.rows.push(scroll.maxRows);
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    await context.close();
  }
}

async function measureProfile() {
  const { tab, context, errors } = await newPage();
  await tab.goto(`${base}/profile.html`);
  const figures = await tab.evaluate(() => window.profileBench);
  profile.ms.push(figures.ms);
  profile.roundTrips.push(figures.roundTrips);
  profile.requests.push(figures.requests);
  if (errors.length) throw new Error(`profile: ${errors.join('; ')}`);
  await context.close();
}

function report(completed) {
  const fmt = (value, digits = 1) => value.toFixed(digits);
  const ratio = (name, key, against) => `${fmt(median(results[name][key]) / median(results[against][key]), 2)}×`;
  const rowsOf = [
    ['1,000 users, first render, cold (ms)', 'cold', 1],
    ["the same cold, from the script's arrival (ms)", 'coldAfterScript', 1],
    ['the same, warm: re-mount in the page (ms)', 'warm', 1],
    ['100k rows, scroll 100 px/frame for 3 s: main-thread work per frame, p95 (ms)', 'scrollP95', 1],
    ['dropped frames during that scroll', 'dropped', 0],
    ['rows in the DOM while scrolling (max)', 'rows', 0],
    ['JS heap over the data, 100k rows (MB)', 'heapMb', 1],
  ];
  console.log(`\nChromium ${browser.version()}, ${completed} interleaved run(s), 1440×900; medians (ratios: ours ÷ the other)\n`);
  console.log(`| figure | ${CONTENDERS.map((n) => LABELS[n]).join(' | ')} | ours ÷ floor | ours ÷ React |`);
  console.log(`|---|${CONTENDERS.map(() => '---').join('|')}|---|---|`);
  for (const [label, key, digits] of rowsOf) {
    const cells = CONTENDERS.map((name) => fmt(median(results[name][key]), digits));
    const ratios = key === 'rows' || key === 'dropped' ? ['', ''] : [ratio('ours', key, 'floor'), ratio('ours', key, 'react')];
    console.log(`| ${label} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  console.log(
    `| profile over HTTP → MSW at 100 ms latency: time to all blocks (ms) | ${fmt(median(profile.ms), 0)} | | | ${median(profile.requests)} requests in ${median(profile.roundTrips)} sequential round trip(s) | |`,
  );
  const m = (name, key) => median(results[name][key]);
  const targets = [
    ['cold ≤ 0.45× React', m('ours', 'cold') <= 0.45 * m('react', 'cold')],
    ['cold ≤ 1.15× floor', m('ours', 'cold') <= 1.15 * m('floor', 'cold')],
    ['warm ≤ 0.6× React', m('ours', 'warm') <= 0.6 * m('react', 'warm')],
    ['scroll p95 ≤ 0.8× React', m('ours', 'scrollP95') <= 0.8 * m('react', 'scrollP95')],
    ['≤ 60 DOM rows', m('ours', 'rows') <= 60],
    ['heap ≤ 2 MB', m('ours', 'heapMb') <= 2],
    ['profile in 1 round trip', median(profile.roundTrips) <= 1],
  ];
  console.log(`\ntargets (issue 17): ${targets.map(([label, ok]) => `${ok ? '✓' : '✗'} ${label}`).join(', ')}`);
  console.log(
    `runs (ms): ${CONTENDERS.map((n) => `${n} cold ${results[n].cold.map((v) => fmt(v, 0)).join('/')}, warm ${results[n].warm.map((v) => fmt(v, 0)).join('/')}, scroll p95 ${results[n].scrollP95.map((v) => fmt(v, 0)).join('/')}`).join('; ')}`,
  );
}

try {
  for (let run = 0; run < runs; run++) {
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + run) % CONTENDERS.length]);
    for (const name of order) await measureList(name);
    await measureProfile();
    // Printed after every run, so an interrupted benchmark still reports what it measured.
    report(run + 1);
  }
} finally {
  await browser.close();
  close();
}
