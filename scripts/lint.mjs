// `npm run lint`: installs the lint tools where missing or stale (tools/lint, a package of its own, see its
// package.json), proves the import-cycle rules still find cycles, then runs ESLint on src with 0 warnings
// allowed and `prettier --check`. `npm run format` (this script with --write) rewrites files with Prettier.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TOOLS = 'tools/lint';
const bin = (name) => `${TOOLS}/node_modules/.bin/${name}`;
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

// npm ci again whenever the lock changed since the last install (a stamp keeps the lock's hash).
const stamp = `${TOOLS}/node_modules/.installed-lock-sha256`;
const lockHash = createHash('sha256')
  .update(readFileSync(`${TOOLS}/package-lock.json`))
  .digest('hex');
if (!existsSync(bin('eslint')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log(`== installing the lint tools (npm ci --prefix ${TOOLS})`);
  if (!run('npm', ['ci', '--prefix', TOOLS, '--no-audit', '--no-fund'])) process.exit(1);
  writeFileSync(stamp, lockHash);
}

if (process.argv.includes('--write')) process.exit(run(bin('prettier'), ['--write', '--log-level', 'warn', '.']) ? 0 : 1);

const steps = [
  ['the import-cycle rules find a known cycle', process.execPath, [`${TOOLS}/check-cycle-rules.js`]],
  ['eslint src', bin('eslint'), ['--config', `${TOOLS}/eslint.config.js`, '--max-warnings', '0', 'src']],
  ['prettier --check', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
];
const failed = [];
for (const [title, command, args] of steps) {
  console.log(`== ${title}`);
  if (!run(command, args)) failed.push(title);
}
if (failed.length > 0) {
  console.error(`lint failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('lint: no problems');
