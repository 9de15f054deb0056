// The two import-cycle rules, shared by eslint.config.js and the self-check (check-cycle-rules.js).
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import noTypeImportCycle from './rules/no-type-import-cycle.js';

export function importCycleConfig(tsconfigPath) {
  return {
    plugins: { 'import-x': importX, dozor: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    settings: {
      // import-x reads only .js files by default: a .ts import would be an edge to nowhere.
      'import-x/extensions': ['.ts', '.js'],
      // Sources import each other by their emitted `.js` names: the TypeScript resolver maps them back to
      // the `.ts` files; without it import-x sees no edges and finds no cycle.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: tsconfigPath })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'dozor/no-type-import-cycle': 'error',
    },
  };
}
