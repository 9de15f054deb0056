import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-chromium.mjs';
import { isLitDevModeNotice } from './scripts/lit-warnings.mjs';
import { summaryFileReporter } from './scripts/summary-reporter.mjs';

// React ships CommonJS only (with a NODE_ENV switch), so the React wrapper test gets React and react-dom in
// one ESM bundle built by esbuild (one React instance), re-exported under the names React code imports.
const REACT_SHIMS = {
  react: `import { React } from '/__react-shim/bundle.js'; export default React; export const { act, Children, Component, Fragment, StrictMode, createElement, createContext, forwardRef, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, version } = React;`,
  'react-dom/client': `import { Client } from '/__react-shim/bundle.js'; export default Client; export const { createRoot, hydrateRoot } = Client;`,
};
let reactBundle;
const reactShims = {
  name: 'react-esm-shims',
  resolveImport({ source }) {
    if (source in REACT_SHIMS) return `/__react-shim/${source.replace('/', '__')}.js`;
  },
  async serve(context) {
    if (context.path === '/__react-shim/bundle.js') {
      reactBundle ??= build({
        stdin: {
          contents: `import React from 'react'; import Client from 'react-dom/client'; export { React, Client };`,
          resolveDir: process.cwd(),
          loader: 'js',
        },
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
      }).then((result) => result.outputFiles[0].text);
      return { body: await reactBundle, type: 'js' };
    }
    const match = /^\/__react-shim\/(.+)\.js$/.exec(context.path);
    if (match) return { body: REACT_SHIMS[match[1].replace('__', '/')], type: 'js' };
  },
};

// Packages that ship CommonJS only, served to the browser as one ESM bundle each (built once by esbuild):
// ajv (the contract tests' JSON Schema validator) and @sinonjs/fake-timers (tests of timed behaviour).
function esmBundle(name, specifiers, contents, external = []) {
  const path = `/__esm/${name}.js`;
  let bundle;
  return {
    name: `esm-bundle-${name}`,
    resolveImport({ source }) {
      if (specifiers.includes(source)) return path;
    },
    async serve(context) {
      if (context.path !== path) return;
      bundle ??= build({
        stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        format: 'esm',
        write: false,
        external,
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}
const ajvEsm = esmBundle(
  'ajv-2020',
  ['ajv/dist/2020', 'ajv/dist/2020.js'],
  `import Ajv2020 from 'ajv/dist/2020.js'; export default Ajv2020;`,
);
const fakeTimersEsm = esmBundle(
  'fake-timers',
  ['@sinonjs/fake-timers'],
  `import FakeTimers from '@sinonjs/fake-timers'; export default FakeTimers; export const { install, withGlobal, createClock } = FakeTimers;`,
  // Node's modules, which it requires only where they exist (inside try / behind a process check).
  ['timers', 'timers/promises', 'perf_hooks', 'util'],
);

// The race properties' run count (test/elements/race-harness.ts) comes from DOZOR_RACE_RUNS.
const RACE_CONFIG_PATH = '/__dozor/race-config.js';
const raceConfig = {
  name: 'dozor-race-config',
  resolveImport({ source }) {
    if (source === 'dozor:race-config') return RACE_CONFIG_PATH;
  },
  serve(context) {
    if (context.path !== RACE_CONFIG_PATH) return;
    const runs = Math.max(0, Math.floor(Number(process.env.DOZOR_RACE_RUNS) || 0));
    return { body: `export const RACE_RUNS = ${runs};`, type: 'js' };
  },
};

// MSW's service worker must be served from the root scope: map it to the committed public/ copy.
function mswWorkerFromPublic(context, next) {
  if (context.path === '/mockServiceWorker.js') context.path = '/public/mockServiceWorker.js';
  return next();
}

const executablePath = findChromium() ?? '/usr/bin/chromium';
const summaryPath = process.env.DOZOR_TEST_SUMMARY;

export default {
  // test/node runs in Node (scripts/test-node.mjs).
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [mswWorkerFromPublic],
  // Any other Lit warning fails the run (scripts/summary-reporter.mjs).
  filterBrowserLogs: ({ args }) => !isLitDevModeNotice(args),
  plugins: [
    reactShims,
    ajvEsm,
    raceConfig,
    fakeTimersEsm,
    esbuildPlugin({
      ts: true,
      target: 'auto',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
  reporters: [defaultReporter(), ...(summaryPath ? [summaryFileReporter(summaryPath)] : [])],
};
