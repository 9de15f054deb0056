// `npm run test:stories`: builds Storybook, serves the static build, opens every story and docs page in headless
// Chromium and fails on a page error, a console error or warning, a Storybook render error or an axe
// (WCAG 2.1 A/AA) violation. With `--layout` it also resizes each story to every width of WIDTHS and
// fails on an axe violation there or a layout problem (text overlapping text or leaving its row or card,
// cut to nothing, a page that scrolls sideways: scripts/layout-check.mjs). With `--dev` it checks
// Storybook's dev server instead, started cold (an empty pre-bundling cache), one story of each stories
// file: what only the dev server does (Lit's development build and its warnings, dependencies pre-bundled
// apart, late-found ones reloading the page) shows there. Prints `N passed, N failed` last.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launchChromium, serveDirectory, startDevServer } from './browser-harness.mjs';
import { checkLayout } from './layout-check.mjs';

const ROOT = 'storybook-static';
const SETTLE_MS = 1500;
const STORY_TIMEOUT_MS = 90_000;
const CONCURRENCY = 2;
// A phone, a tablet, a laptop beside a host page's sidebar, a desktop; widest first (the load and axe run there).
const WIDTHS = [1440, 1024, 768, 390];
const checkLayouts = process.argv.includes('--layout');
const devServer = process.argv.includes('--dev');
const DEV_START_TIMEOUT_MS = 180_000;

/** Starts `storybook dev` on a free port with a fresh pre-bundling cache; resolves once it serves its index. */
async function startStorybookDev() {
  const cacheDir = mkdtempSync(join(tmpdir(), 'dozor-storybook-'));
  const removeCache = () => rmSync(cacheDir, { recursive: true, force: true });
  try {
    const { base, stop, answer } = await startDevServer({
      label: 'storybook dev',
      command: 'node_modules/.bin/storybook',
      args: (port) => ['dev', '-p', String(port), '--host', '127.0.0.1', '--exact-port', '--ci', '--no-open', '--quiet'],
      env: { ...process.env, DOZOR_STORYBOOK_CACHE_DIR: cacheDir },
      ready: (base) => fetch(`${base}/index.json`).then((response) => (response.ok ? response.json() : undefined)),
      timeoutMs: DEV_START_TIMEOUT_MS,
    });
    const close = () => {
      stop();
      removeCache();
    };
    return { base, close, index: answer };
  } catch (error) {
    removeCache();
    throw error;
  }
}

async function serveBuild() {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const { base, close } = await serveDirectory(ROOT);
  return { base, close, index: JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) };
}

const { base, close, index } = devServer ? await startStorybookDev() : await serveBuild();

// `--only <text>[,<text>…]` runs the stories whose id contains one of the texts (for working on a few).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
// Every story, and every autodocs page (its props table from custom-elements.json, all its stories inline);
// on the dev server, the first story of each stories file (each file's imports are pre-bundled on first use).
const seenFiles = new Set();
const stories = Object.values(index.entries).filter((entry) => {
  if (only && !only.some((text) => entry.id.includes(text))) return false;
  if (!devServer) return entry.type === 'story' || entry.type === 'docs';
  if (entry.type !== 'story' || seenFiles.has(entry.importPath)) return false;
  seenFiles.add(entry.importPath);
  return true;
});

const browser = await launchChromium();

async function check(story) {
  const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Stories tagged `http-errors` inject failing responses on purpose; Chromium logs each one.
  const expectsHttpErrors = story.tags?.includes('http-errors');
  page.on('console', (message) => {
    if (expectsHttpErrors && message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()} ${message.location().url ?? ''}`.trim());
    }
  });
  try {
    const docs = story.type === 'docs';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=${docs ? 'docs' : 'story'}`, {
      timeout: STORY_TIMEOUT_MS,
    });
    await page.waitForSelector(`${docs ? '#storybook-docs .sbdocs-content' : '#storybook-root > *'}, body.sb-show-errordisplay`, {
      timeout: STORY_TIMEOUT_MS,
      state: 'attached',
    });
    await page.waitForTimeout(SETTLE_MS);
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      problems.push(`render error: ${(await page.textContent('#error-message').catch(() => '')) ?? ''}`.trim());
    } else {
      // On a docs page, the elements inside its story previews (Storybook's own props table is not ours).
      problems.push(...(await axeViolations(page, docs ? '#storybook-docs .docs-story' : '#storybook-root')));
      // Storybook's docs pages lay out its own UI; each story there is also checked as a story. A narrower
      // width can change what axe sees (a table that starts to scroll needs a tab stop): axe runs there too.
      if (!docs && checkLayouts)
        for (const width of WIDTHS) {
          problems.push(...(await layoutProblems(page, width)).map((p) => `${width}px: ${p}`));
          if (width !== WIDTHS[0]) problems.push(...(await axeViolations(page, '#storybook-root')).map((v) => `${width}px: ${v}`));
        }
    }
  } catch (error) {
    problems.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    await page.close();
  }
  return problems;
}

/** Resizes the page, lets the elements' resize observers and re-renders settle, and measures. */
async function layoutProblems(page, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let frames = 3;
        const next = () => (--frames === 0 ? setTimeout(resolve, 50) : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
  return page.evaluate(checkLayout, { rootSelector: '#storybook-root' });
}

let passed = 0;
let failed = 0;
const queue = [...stories];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let story = queue.shift(); story; story = queue.shift()) {
      const problems = await check(story);
      if (problems.length === 0) {
        passed++;
        console.log(`  ✓ ${story.title} › ${story.name}${story.type === 'docs' ? ' (docs page)' : ''}`);
      } else {
        failed++;
        console.log(
          `  ✗ ${story.title} › ${story.name}${story.type === 'docs' ? ' (docs page)' : ''}\n${problems.map((p) => `      ${p}`).join('\n')}`,
        );
      }
    }
  }),
);
await browser.close();
close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
