// import-x/no-cycle skips type-only imports, but the project forbids every cycle, type-only included.
// This rule reports an import that closes a cycle through at least one type-only edge (cycles made of
// value imports alone are import-x/no-cycle's, and are not reported twice). It follows relative
// specifiers only: the sources import each other as `./x.js`, which stands for `./x.ts` or `./x/index.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** file -> [{ target, typeOnly }] of its relative imports and re-exports, read once per lint run. */
const edgesByFile = new Map();

function resolveRelative(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const stem = base.replace(/\.(js|ts)$/, '');
  for (const candidate of [`${stem}.ts`, `${base}/index.ts`]) if (existsSync(candidate)) return candidate;
  return null;
}

function isTypeOnly(statement) {
  if (ts.isExportDeclaration(statement)) {
    return (
      statement.isTypeOnly ||
      (statement.exportClause !== undefined &&
        ts.isNamedExports(statement.exportClause) &&
        statement.exportClause.elements.length > 0 &&
        statement.exportClause.elements.every((element) => element.isTypeOnly))
    );
  }
  const clause = statement.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function edgesOf(file) {
  let edges = edgesByFile.get(file);
  if (edges) return edges;
  edges = [];
  edgesByFile.set(file, edges);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = resolveRelative(file, statement.moduleSpecifier.text);
    if (target) edges.push({ target, typeOnly: isTypeOnly(statement), specifier: statement.moduleSpecifier.text });
  }
  return edges;
}

/** A path of edges from `start` back to `goal`, or null; breadth-first, so the shortest. */
function pathBack(start, goal) {
  const seen = new Set([start]);
  const queue = [{ file: start, route: [] }];
  while (queue.length > 0) {
    const { file, route } = queue.shift();
    for (const edge of edgesOf(file)) {
      const next = [...route, edge];
      if (edge.target === goal) return next;
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push({ file: edge.target, route: next });
      }
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles that run through a type-only import (import-x/no-cycle skips those).' },
    schema: [],
    messages: { cycle: 'Import cycle through a type-only import: {{route}}.' },
  },
  create(context) {
    const file = context.filename;
    return {
      'ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration'(node) {
        if (!node.source) return;
        const edge = edgesOf(file).find((candidate) => candidate.specifier === node.source.value);
        if (!edge) return;
        const back = pathBack(edge.target, file);
        if (!back) return;
        const cycle = [edge, ...back];
        if (!cycle.some((step) => step.typeOnly)) return; // a value cycle: import-x/no-cycle reports it
        context.report({ node, messageId: 'cycle', data: { route: cycle.map((step) => step.specifier).join(' -> ') } });
      },
    };
  },
};
