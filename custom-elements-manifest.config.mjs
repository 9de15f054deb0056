// `npm run analyze`: custom-elements.json from the elements' JSDoc (@tagname, @summary, @csspart, @cssprop,
// @fires, @slot) and their Lit properties. The shared base class is read so that inherited properties
// (backend, locale, theme, strings) are documented on every element; other infrastructure is left out.
import { readdirSync } from 'node:fs';

const sharedInfrastructure = readdirSync('src/elements/shared')
  .filter((file) => file.endsWith('.ts') && file !== 'dozor-element.ts')
  .map((file) => `src/elements/shared/${file}`);

// Each element's own module (`<name>/<name>.ts`) and the list's string table beside it; its controllers
// and render blocks are internal.
const elementModules = readdirSync('src/elements', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => `src/elements/${entry.name}/${entry.name}.ts`);

export default {
  globs: [...elementModules, 'src/elements/user-list/user-list-strings.ts', 'src/elements/shared/dozor-element.ts'],
  exclude: [...sharedInfrastructure, 'src/elements/*/define.ts', 'src/elements/*/*.styles.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would point it at its temporary outdir.
  packagejson: false,
};
