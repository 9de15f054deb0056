// Proves the import-cycle rules work: on the fixtures, a value cycle is reported by import-x/no-cycle,
// a type-only cycle by dozor/no-type-import-cycle, and an acyclic pair by neither. Run by `npm run lint`
// before it lints the sources, so a resolver that silently finds no edges fails the lint.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { importCycleConfig } from './cycles.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const eslint = new ESLint({
  cwd: here,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['fixtures/**/*.ts'], languageOptions: { parser: tseslint.parser }, ...importCycleConfig(`${here}fixtures/tsconfig.json`) },
  ],
});
const results = await eslint.lintFiles(['fixtures/**/*.ts']);
const rulesIn = (folder) =>
  results
    .filter((result) => result.filePath.includes(`/fixtures/${folder}/`))
    .flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message));

const expectations = [
  ['value-cycle', 'import-x/no-cycle', 2],
  ['type-cycle', 'dozor/no-type-import-cycle', 2],
  ['no-cycle', null, 0],
];
let failed = false;
for (const [folder, rule, count] of expectations) {
  const found = rulesIn(folder);
  const ok = found.length === count && found.every((ruleId) => ruleId === rule);
  if (!ok) failed = true;
  console.log(`${ok ? 'ok' : 'FAILED'}: fixtures/${folder}: expected ${count} × ${rule ?? 'nothing'}, got [${found.join(', ')}]`);
}
process.exit(failed ? 1 : 0);
