// What the Chromium scripts (story tests, demo test, package test) share: a static file server, a dev
// server started on a free port, the launch settings that work as root on these machines (TOOLING.md),
// and the axe check.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves `root` on a free localhost port, with `headers` on every HTML page; resolves to its base URL and a close function. */
export async function serveDirectory(root, { headers = {} } = {}) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // Chromium asks for a favicon once per browser; neither build ships one.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, ...(type === 'text/html' ? headers : {}) });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * Starts a dev server, `command` with `args(port)`, on a free localhost port, and polls `ready(base)` until
 * it resolves to something (the server answers); resolves to that, its base URL and a stop function.
 */
export async function startDevServer({ label, command, args, env = process.env, ready, timeoutMs }) {
  const port = await new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const server = spawn(command, args(port), { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${label} exited with ${server.exitCode}`);
    const answer = await ready(base).catch(() => undefined);
    if (answer !== undefined) return { base, stop, answer };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`${label} did not start in ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe's WCAG 2.1 A/AA violations in what `selector` matches (shadow trees included), one `axe: …` line each. */
export async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (include) => {
    const result = await window.axe.run(
      { include: [[include]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => `axe: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  }, selector);
}
