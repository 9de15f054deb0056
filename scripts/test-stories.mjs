// `npm run test:stories`: builds Storybook, serves the static build, opens every story and docs page in headless
// Chromium and fails on a page error, a console error or warning, a Storybook render error or an axe
// (WCAG 2.1 A/AA) violation. With `--layout` it also resizes each story to every width of WIDTHS and
// fails on a layout problem (text overlapping text or leaving its row or card, cut to nothing, a page
// that scrolls sideways: scripts/layout-check.mjs). Prints `N passed, N failed` last.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveDirectory } from './browser-harness.mjs';
import { checkLayout } from './layout-check.mjs';

const ROOT = 'storybook-static';
const SETTLE_MS = 1500;
const STORY_TIMEOUT_MS = 90_000;
const CONCURRENCY = 2;
// A phone, a tablet, a laptop beside a host page's sidebar, a desktop; widest first (the load and axe run there).
const WIDTHS = [1440, 1024, 768, 390];
// Opt-in until every story has been seen to pass it on a quiet machine (then: always).
const checkLayouts = process.argv.includes('--layout');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { base, close } = await serveDirectory(ROOT);

const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
// `--only <text>` runs the stories whose id contains the text (for working on a few).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// Every story, and every autodocs page (its props table from custom-elements.json, all its stories inline).
const stories = Object.values(index.entries).filter(
  (entry) => (entry.type === 'story' || entry.type === 'docs') && (!only || entry.id.includes(only)),
);
const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

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
      await page.addScriptTag({ content: axeSource });
      // On a docs page, the elements inside its story previews (Storybook's own props table is not ours).
      const violations = await page.evaluate(
        async (root) => {
          const result = await window.axe.run(root === '#storybook-root' ? document.querySelector(root) : { include: [[root]] }, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
        },
        docs ? '#storybook-docs .docs-story' : '#storybook-root',
      );
      for (const violation of violations) problems.push(`axe: ${violation}`);
      // Storybook's docs pages lay out its own UI; each story there is also checked as a story.
      if (!docs && checkLayouts)
        for (const width of WIDTHS) problems.push(...(await layoutProblems(page, width)).map((p) => `${width}px: ${p}`));
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
