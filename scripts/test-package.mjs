// `npm run test:package`: packs the library as `npm publish` would, installs the tarball into an empty
// temporary project and proves it works there: the files and `exports` (each with its types) are right,
// plain Node imports the core and serves users from /backend through /msw, TypeScript type-checks an
// import of every entry point, a host bundle stays within its size budget, and a page that Vite bundles
// from `import 'dozor-elements'` registers every element of custom-elements.json and renders live data
// in Chromium under a strict Content-Security-Policy with Trusted Types. `--no-build` reuses dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, serveDirectory } from './browser-harness.mjs';

const repo = resolve('.');
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`  ${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n      ${detail}`}`);
};
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const work = mkdtempSync(join(tmpdir(), 'dozor-package-'));
try {
  // 1. The tarball holds the build, the types and the manifest, and nothing of the sources or tests.
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], repo));
  const files = packed.files.map((file) => file.path);
  const required = [
    'package.json',
    'README.md',
    'custom-elements.json',
    'dist/index.js',
    'dist/core/index.js',
    'dist/backend/index.js',
    'dist/react/index.js',
    'dist/msw/index.js',
    'dist/types/index.d.ts',
  ];
  const missing = required.filter((file) => !files.includes(file));
  check(
    `npm pack: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed`,
    missing.length === 0,
    `missing ${missing.join(', ')}`,
  );
  const stray = files.filter((file) => /^(src|test|stories|scripts|bench|demo|\.storybook)\//.test(file));
  check('no sources, tests or scripts in the package', stray.length === 0, stray.slice(0, 5).join(', '));

  // 2. Installed into an empty project (its dependencies come from the registry or npm's cache), with
  //    msw, the optional peer that `dozor-elements/msw` needs.
  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-host', private: true, type: 'module' }, null, 2));
  const mswVersion = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.msw;
  run(
    'npm',
    ['install', join(work, packed.filename), `msw@${mswVersion}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    app,
  );
  const installed = join(app, 'node_modules', 'dozor-elements');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const badExports = Object.entries(manifest.exports).flatMap(([entry, target]) =>
    typeof target === 'string'
      ? existsSync(join(installed, target))
        ? []
        : [entry]
      : [target.types, target.default].filter((file) => !existsSync(join(installed, file))).map((file) => `${entry} → ${file}`),
  );
  if (!manifest.customElements || !existsSync(join(installed, manifest.customElements)))
    badExports.push(`customElements → ${manifest.customElements}`);
  check(
    `every export (${Object.keys(manifest.exports).join(', ')}) and customElements resolve, with types`,
    badExports.length === 0,
    badExports.join(', '),
  );
  const sideEffectsOk =
    Array.isArray(manifest.sideEffects) &&
    manifest.sideEffects.includes('./dist/index.js') &&
    !manifest.sideEffects.some((glob) => glob.includes('core'));
  check('sideEffects: the registering entry points, never the core', sideEffectsOk, JSON.stringify(manifest.sideEffects));

  // 3. Plain Node imports the core (no DOM, no Lit), and the backends: a memory backend served by the MSW
  //    handlers through `msw/node`, read back through the HTTP adapter.
  const nodeCheck = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    const core = await import('dozor-elements/core');
    if (core.deriveStatus(null) !== 'DORMANT' || typeof core.computeTags !== 'function') throw new Error('unexpected core');
    const { createMemoryBackend, createHttpBackend } = await import('dozor-elements/backend');
    const { createDozorHandlers } = await import('dozor-elements/msw');
    const { setupServer } = await import('msw/node');
    const memory = createMemoryBackend({ generate: { seed: 'node', projects: 1, users: 25, days: 7 } });
    const server = setupServer(...createDozorHandlers(memory, { baseUrl: 'http://dozor.test' }));
    server.listen({ onUnhandledRequest: 'error' });
    const http = createHttpBackend({ baseUrl: 'http://dozor.test', fetch: (input, init) => globalThis.fetch(input, init) });
    const page = await http.listUsers({ limit: 10 });
    server.close();
    if (page.data.length !== 10 || page.data[0].id !== (await memory.listUsers({ limit: 10 })).data[0].id) throw new Error('unexpected page');
    const locales = await Promise.all(['de', 'fr', 'es', 'uk', 'ja'].map((tag) => import('dozor-elements/locales/' + tag)));
    if (locales.some((module, i) => module.default.locale !== ['de', 'fr', 'es', 'uk', 'ja'][i] || typeof module.default.strings.retry !== 'string')) throw new Error('unexpected locale module');
    console.log(Object.keys(core).length + ' core exports, ' + page.data.length + ' users, ' + locales.length + ' translations');`,
    ],
    { cwd: app, encoding: 'utf8' },
  );
  check(
    `Node imports /core and /locales/*, and /backend + /msw serve users over msw/node (${nodeCheck.stdout.trim()})`,
    nodeCheck.status === 0,
    nodeCheck.stderr.split('\n').find(Boolean),
  );

  // 4. TypeScript finds the types of every entry point through `exports`.
  writeFileSync(
    join(app, 'src', 'types-check.ts'),
    `
    import { createMemoryBackend, createHttpBackend, DozorUserList, DozorStatusBadge, type DozorBackend, type DozorUserSelectDetail } from 'dozor-elements';
    import { deriveStatus, type UserStatus } from 'dozor-elements/core';
    import { createDuctapeBackend } from 'dozor-elements/backend';
    import { createDozorHandlers } from 'dozor-elements/msw';
    import { DozorProvider } from 'dozor-elements/provider';
    import { DozorUserList as ListFromEntry } from 'dozor-elements/user-list';
    import { DozorKpiStrip } from 'dozor-elements/kpi-strip';
    import { DozorUserProfile, DozorActivityChart } from 'dozor-elements/user-profile';
    const entryClasses = [DozorProvider, ListFromEntry, DozorStatusBadge, DozorKpiStrip, DozorUserProfile, DozorActivityChart];
    import { registerTranslations, type DozorTranslation, type DozorStrings } from 'dozor-elements';
    import de from 'dozor-elements/locales/de';
    import { ja } from 'dozor-elements/locales/ja';
    const german: DozorTranslation<DozorStrings> = de;
    registerTranslations(german, ja, { locale: 'it', strings: { retry: 'Riprova' } });
    const backend: DozorBackend = createMemoryBackend({ generate: false });
    const http: DozorBackend = createHttpBackend({ baseUrl: '' });
    const status: UserStatus = deriveStatus(null);
    const list: DozorUserList = document.createElement('dozor-user-list');
    list.addEventListener('dozor-user-select', (event: CustomEvent<DozorUserSelectDetail>) => event.detail.userId.toUpperCase());
    export { backend, http, status, createDozorHandlers, createDuctapeBackend, entryClasses };
  `,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src/types-check.ts'],
    }),
  );
  const typeCheck = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
  check(
    'TypeScript type-checks imports of dozor-elements, /core, /backend, /msw, the per-element entries and /locales/*',
    typeCheck.status === 0,
    (typeCheck.stdout + typeCheck.stderr).split('\n').slice(0, 5).join('\n      '),
  );

  // 5. A host page bundled from the installed package registers and renders every element.
  const tags = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'))
    .modules.flatMap((module) => module.declarations ?? [])
    .map((declaration) => declaration.tagName)
    .filter(Boolean);
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
    <body><dozor-provider><dozor-kpi-strip></dozor-kpi-strip><dozor-user-list></dozor-user-list><dozor-user-profile></dozor-user-profile></dozor-provider>
    <script type="module" src="/src/main.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, 'src', 'main.js'),
    `
    import { createMemoryBackend } from 'dozor-elements';
    const backend = createMemoryBackend({ generate: { seed: 'package', projects: 2, users: 40, days: 14 } });
    document.querySelector('dozor-provider').backend = backend;
    backend.listUsers({ limit: 1 }).then(({ data }) => (document.querySelector('dozor-user-profile').userId = data[0].id));
  `,
  );
  await build({ root: app, configFile: false, logLevel: 'error', build: { outDir: join(app, 'dist'), emptyOutDir: true } });

  // What a production host pays, bundled and minified by Vite from the installed package (Lit, and
  // uPlot where the chart is, included): every element, the list page's elements alone, and each entry.
  const hostBundle = async (name, source) => {
    writeFileSync(join(app, 'src', `${name}.js`), source);
    const built = await build({
      root: app,
      configFile: false,
      logLevel: 'error',
      build: {
        outDir: join(app, `dist-${name}`),
        emptyOutDir: true,
        write: false,
        rollupOptions: { input: join(app, 'src', `${name}.js`) },
      },
    });
    const chunks = [built]
      .flat()
      .flatMap((output) => output.output)
      .filter((chunk) => chunk.type === 'chunk');
    // What the page loads before anything runs: the entry and its static imports; the rest (uPlot) is
    // fetched when first used.
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const atLoad = new Set();
    const visit = (chunk) => {
      if (!chunk || atLoad.has(chunk)) return;
      atLoad.add(chunk);
      chunk.imports.forEach((name) => visit(byName.get(name)));
    };
    chunks.filter((chunk) => chunk.isEntry).forEach(visit);
    const sizeOf = (list) => {
      const code = list.map((chunk) => chunk.code).join('');
      return { minifiedKb: code.length / 1024, gzipKb: list.length ? gzipSync(code).length / 1024 : 0 };
    };
    const hasUplot = (list) => list.some((chunk) => chunk.code.includes('dppxchange'));
    const onDemand = chunks.filter((chunk) => !atLoad.has(chunk));
    return {
      ...sizeOf(chunks),
      atLoad: sizeOf([...atLoad]),
      onDemand: sizeOf(onDemand),
      uplot: hasUplot(chunks),
      uplotAtLoad: hasUplot([...atLoad]),
    };
  };
  const withHttp = `document.querySelector('dozor-provider').backend = createHttpBackend({ baseUrl: '' });`;
  // The budgets fail a change that grows a bundle a lot: today + about 5 % (85.2 / 40.5 kB once the
  // stylesheets shipped minified), raised to 91 / 44 kB when the columns, tables and menus came to fit
  // their text in every language (87.9 → 89.5 and 42.2 → 43.2 kB). The targets (issue 17) are where they
  // are headed.
  const budgets = [
    [
      'every element + the HTTP adapter (the root import)',
      'all',
      `import { createHttpBackend } from 'dozor-elements';\n${withHttp}`,
      91,
      55,
    ],
    [
      'list + KPI strip + provider + HTTP adapter (per-element entries)',
      'list-page',
      `import 'dozor-elements/provider'; import 'dozor-elements/user-list'; import 'dozor-elements/kpi-strip';\nimport { createHttpBackend } from 'dozor-elements/backend';\n${withHttp}`,
      44,
      25,
    ],
  ];
  for (const [label, name, source, budgetKb, targetKb] of budgets) {
    const size = await hostBundle(`host-${name}`, source);
    check(
      `host bundle, ${label}: ${size.minifiedKb.toFixed(0)} kB minified, ${size.gzipKb.toFixed(1)} kB gzip (budget ${budgetKb} kB, target ${targetKb} kB); ` +
        `at load ${size.atLoad.gzipKb.toFixed(1)} kB gzip, on demand ${size.onDemand.gzipKb.toFixed(1)} kB`,
      size.gzipKb <= budgetKb,
    );
  }
  const entrySizes = [];
  for (const entry of ['provider', 'user-list', 'kpi-strip', 'user-profile']) {
    const size = await hostBundle(`entry-${entry}`, `import 'dozor-elements/${entry}';`);
    entrySizes.push({ entry, ...size });
  }
  console.log(
    `      each entry alone, Lit included: ${entrySizes
      .map(
        (s) =>
          `/${s.entry} ${s.atLoad.gzipKb.toFixed(1)} kB gzip${s.uplot ? ` (+ uPlot on demand, ${s.onDemand.gzipKb.toFixed(1)} kB)` : ''}`,
      )
      .join(', ')}`,
  );
  const onlyProfileHasUplot = entrySizes.every((s) => s.uplot === (s.entry === 'user-profile') && !s.uplotAtLoad);
  check(
    'only dozor-elements/user-profile bundles uPlot, and only in a chunk fetched when a chart is drawn',
    onlyProfileHasUplot,
    entrySizes
      .filter((s) => s.uplot)
      .map((s) => `${s.entry}${s.uplotAtLoad ? ' (at load)' : ''}`)
      .join(', '),
  );
  const csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";
  const { base, close } = await serveDirectory(join(app, 'dist'), { headers: { 'content-security-policy': csp } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    await page.goto(base);
    const rendered = await page
      .waitForFunction(
        () => {
          const rows = document.querySelector('dozor-user-list')?.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;
          const total = document.querySelector('dozor-kpi-strip')?.shadowRoot?.textContent?.match(/Total tracked\s*([\d,]+)/)?.[1];
          const chart = document.querySelector('dozor-user-profile')?.shadowRoot?.querySelector('dozor-activity-chart');
          const canvas = chart?.shadowRoot?.querySelector('canvas');
          return rows > 0 && total && canvas ? { rows, total } : false;
        },
        undefined,
        { timeout: 30_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const undefinedTags = await page.evaluate((names) => names.filter((name) => !customElements.get(name)), tags);
    check(
      `all ${tags.length} elements of custom-elements.json are registered`,
      tags.length > 0 && undefinedTags.length === 0,
      `not registered: ${undefinedTags.join(', ')}`,
    );
    check(
      `the KPI strip, the list and a profile with its uPlot chart render data (${rendered?.rows ?? 0} rows, total ${rendered?.total ?? '—'})`,
      rendered !== null,
    );
    check('no page error, console error or CSP / Trusted Types violation', problems.length === 0, problems.join('\n      '));
  } finally {
    await browser.close();
    close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
