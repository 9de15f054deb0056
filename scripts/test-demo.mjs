// `npm run test:demo`: the demo page (`npm start`: Vite's dev server on index.html) as an engineer first
// sees it, in headless Chromium: the list view and a user's profile, on each backend of the demo's picker,
// in English, German and Ukrainian (long words), at 1440 / 1024 / 768 / 390 px. Each page must load its
// data (no skeleton or busy block left), pass axe (WCAG 2.1 A/AA) and the story test's layout rules
// (scripts/layout-check.mjs: no text overlapping, cut or leaving its row, no sideways scroll), with no page
// error or console error. Prints `N passed, N failed` last.
import { axeViolations, launchChromium, startDevServer } from './browser-harness.mjs';
import { checkLayout } from './layout-check.mjs';

const WIDTHS = [1440, 1024, 768, 390];
const START_TIMEOUT_MS = 120_000;
const LOAD_TIMEOUT_MS = 60_000;
// Every width on the default backend; the other backends and the longer German and Ukrainian strings at one or two.
const PAGES = [
  ...WIDTHS.map((width) => ({ backend: 'memory', locale: 'en', width })),
  { backend: 'memory', locale: 'de', width: 390 },
  { backend: 'memory', locale: 'uk', width: 390 },
  { backend: 'memory', locale: 'de', width: 1024 },
  { backend: 'http', locale: 'en', width: 1024 },
  { backend: 'http', locale: 'en', width: 390 },
  { backend: 'ductape', locale: 'en', width: 768 },
];

/** Starts `vite` (the demo's dev server, as `npm start` does) on a free port; resolves once it serves the page. */
function startDemo() {
  return startDevServer({
    label: "the demo's dev server",
    command: 'node_modules/.bin/vite',
    args: (port) => ['--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    ready: (base) => fetch(base).then((response) => (response.ok ? true : undefined)),
    timeoutMs: START_TIMEOUT_MS,
  });
}

/**
 * True once the visible view has its data: at least one user row (list) or the profile's header, and no
 * skeleton or `aria-busy` block left in any shadow tree. Self-contained: it runs in the page.
 */
function viewLoaded(view) {
  const all = [];
  const collect = (root) => {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document.querySelector(view));
  const visible = all.filter((element) => element.checkVisibility());
  const pending = visible.some(
    (element) => element.getAttribute('aria-busy') === 'true' || /(^|\s|-)skeleton(\s|-|$)/.test(element.getAttribute('class') ?? ''),
  );
  const shown =
    view === '#list-view'
      ? visible.some((element) => element.matches('.body-row'))
      : visible.some((element) => element.matches('[part~="header"], [part~="name"]'));
  return shown && !pending;
}

/** The view's problems: its data loads, axe, and the layout rules over the whole page (the host's bar included). */
async function checkView(page, view) {
  await page.waitForFunction(viewLoaded, view, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
  // Resize observers (the tags' fit, the chart's width) report after a layout: let two frames pass.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return [...(await axeViolations(page, view)), ...(await page.evaluate(checkLayout, { rootSelector: 'body' }))];
}

async function check(browser, base, { backend, locale, width }) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  try {
    await page.goto(`${base}/?backend=${backend}&locale=${locale}`);
    problems.push(...(await checkView(page, '#list-view')).map((p) => `list: ${p}`));
    // The first user's link, as a click on their name would follow it.
    const href = await page.evaluate(() =>
      document.querySelector('dozor-user-list').shadowRoot.querySelector('a[href^="#/users/"]').getAttribute('href'),
    );
    await page.evaluate((hash) => (location.hash = hash), href);
    problems.push(...(await checkView(page, '#profile-view')).map((p) => `profile: ${p}`));
  } catch (error) {
    problems.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    await page.close();
  }
  return problems;
}

const { base, stop } = await startDemo();
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  // The first load pre-bundles the demo's dependencies (and may reload the page once): not a test.
  const warm = await browser.newPage();
  await warm.goto(`${base}/`);
  await warm.waitForFunction(viewLoaded, '#list-view', { timeout: START_TIMEOUT_MS, polling: 250 });
  await warm.close();
  for (const page of PAGES) {
    const label = `${page.backend}, ${page.locale}, ${page.width}px`;
    const problems = await check(browser, base, page);
    if (problems.length === 0) {
      passed++;
      console.log(`  ✓ demo: ${label}`);
    } else {
      failed++;
      console.log(`  ✗ demo: ${label}\n${problems.map((p) => `      ${p}`).join('\n')}`);
    }
  }
} finally {
  await browser.close();
  stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
