// `npm run analyze` writes custom-elements.json; `npm run analyze -- --check` fails when the committed
// one is stale (an element's API changed without regenerating it). Modules are sorted by path, since the
// analyzer's file order is not stable; only public members are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
// The analyzer resolves --outdir against the working directory.
const outdir = join('node_modules', '.cache', 'dozor-cem');
rmSync(outdir, { recursive: true, force: true });
const run = spawnSync(
  process.execPath,
  [
    'node_modules/@custom-elements-manifest/analyzer/cem.js',
    'analyze',
    '--config',
    'custom-elements-manifest.config.mjs',
    '--outdir',
    outdir,
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stderr || run.stdout);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
// The manifest documents the public API: private and protected members (render helpers, controllers)
// would only bury it, and would make every internal refactor look like an API change.
for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  if (declaration.members) declaration.members = declaration.members.filter((member) => (member.privacy ?? 'public') === 'public');
  // Every event of ours is `dozor-*`; the analyzer also reports the base class's generic `emit(type, …)` as an event named "type".
  if (declaration.events) declaration.events = declaration.events.filter((event) => event.name.startsWith('dozor-'));
}
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (!check) {
  writeFileSync('custom-elements.json', text);
  console.log(`custom-elements.json: ${manifest.modules.length} modules`);
} else if (!existsSync('custom-elements.json') || readFileSync('custom-elements.json', 'utf8') !== text) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
} else {
  console.log('custom-elements.json is up to date.');
}
