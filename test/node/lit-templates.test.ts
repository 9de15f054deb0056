// The library build's minifier of Lit templates (scripts/lit-templates.mjs, used by vite.config.ts): what it
// takes out of css`…` and html`…`, what it must leave (strings, calc, combinators, interpolations, <pre>),
// where it gives up, and that every stylesheet in src/elements is one it minifies. test/elements/minified-styles.test.ts proves in
// Chromium that each element's minified stylesheet parses to the same rules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAst } from 'vite';
import { minifyCssTemplate, minifyHtmlTemplate, minifyLitTemplates } from '../../scripts/lit-templates.mjs';

const one = (text: string) => minifyCssTemplate([text])?.[0];

describe('minifyCssTemplate', () => {
  it('drops comments, indentation, the space around { } ; , > and after :, and the last ;', () => {
    const source = `
      /* The host. */
      :host {
        display: block;   /* a comment after a declaration */
        margin: 0 auto;
      }
      .a > .b,
      .c {
        color: red;
      }
    `;
    assert.equal(one(source), ':host{display:block;margin:0 auto}.a>.b,.c{color:red}');
  });

  it('keeps the spaces calc needs, and + and ~ combinators as written', () => {
    assert.equal(
      one('.a { width: calc(100% - 2 * var(--x)); top: calc(1px +\n   2px); }'),
      '.a{width:calc(100% - 2 * var(--x));top:calc(1px + 2px)}',
    );
    assert.equal(one('.a + .b ~ .c { order: -1; }'), '.a + .b ~ .c{order:-1}');
  });

  it('keeps strings as written', () => {
    assert.equal(one(`.a::before { content: '  two  spaces ; { } ,  '; }`), `.a::before{content:'  two  spaces ; { } ,  '}`);
    assert.equal(
      one(`.a { font-family: 'Segoe UI',  "Helvetica Neue" , sans-serif; }`),
      `.a{font-family:'Segoe UI',"Helvetica Neue",sans-serif}`,
    );
    assert.equal(one(`.a { grid-template-areas: "a  b"\n    "c  d"; }`), `.a{grid-template-areas:"a  b" "c  d"}`);
    assert.equal(one(`.a::after { content: '\\\\2014 \\\\'' ; }`), `.a::after{content:'\\\\2014 \\\\''}`);
  });

  it('keeps descendant combinators, also before a pseudo-class, in :host(), ::part() and attribute selectors', () => {
    assert.equal(
      one(`:host([data-scheme='dark']) .row :focus-visible { outline: 0; }`),
      `:host([data-scheme='dark']) .row :focus-visible{outline:0}`,
    );
    assert.equal(one(`:host(:not([compact]))   ::slotted(*) { margin: 0; }`), ':host(:not([compact])) ::slotted(*){margin:0}');
    assert.equal(
      one(`dozor-x::part(row  cell) , [title="a  b"] [part~='row'] { color: red; }`),
      `dozor-x::part(row cell),[title="a  b"] [part~='row']{color:red}`,
    );
  });

  it('keeps media queries, !important and custom properties readable', () => {
    assert.equal(
      one('@media (min-width: 600px) and (prefers-reduced-motion: reduce) {\n  .a { animation: none !important; }\n}'),
      '@media (min-width:600px) and (prefers-reduced-motion:reduce){.a{animation:none !important}}',
    );
    assert.equal(
      one(':host { --_font: var(--dozor-font, system-ui, sans-serif); }'),
      ':host{--_font:var(--dozor-font,system-ui,sans-serif)}',
    );
  });

  it('treats ${} as a token: the space beside it stays unless CSS never reads it there', () => {
    assert.deepEqual(minifyCssTemplate(['\n  :host {\n    --_row: ', 'px;\n    margin: ', ' ', ';\n    ', '\n  }\n  ', ' .b {\n  }\n']), [
      ':host{--_row:',
      'px;margin:',
      ' ',
      ';',
      '}',
      ' .b{}',
    ]);
    assert.deepEqual(minifyCssTemplate(['', '']), ['', '']);
  });

  it('leaves alone what it cannot read for sure', () => {
    assert.equal(minifyCssTemplate(['.a/**/.b { color: red; }']), null, 'a comment between two tokens');
    assert.equal(minifyCssTemplate(['.a { /* open ', ' */ }']), null, 'a comment around an interpolation');
    assert.equal(minifyCssTemplate([".a::before { content: 'open ", "'; }"]), null, 'a string around an interpolation');
    assert.equal(minifyCssTemplate([".a::before { content: 'no end; }"]), null, 'an unterminated string');
    assert.equal(minifyCssTemplate(['.a { color: red; /* no end }']), null, 'an unterminated comment');
    assert.equal(minifyCssTemplate(['.a\\\\:b { color: red; }']), null, 'an escape outside a string');
    assert.equal(minifyCssTemplate([".a::before { content: 'it\\'s'; }"]), null, 'a JS escape inside a string');
  });
});

/** The raw pieces of every html`…` template in an ESTree AST. */
function htmlTemplates(node: unknown, found: string[][] = []): string[][] {
  if (Array.isArray(node)) node.forEach((child) => htmlTemplates(child, found));
  else if (node !== null && typeof node === 'object') {
    const tagged = node as { type?: string; tag?: { name?: string }; quasi?: { quasis: { value: { raw: string } }[] } };
    if (tagged.type === 'TaggedTemplateExpression' && tagged.tag?.name === 'html') found.push(tagged.quasi!.quasis.map((q) => q.value.raw));
    for (const [key, child] of Object.entries(node)) if (key !== 'type') htmlTemplates(child, found);
  }
  return found;
}

describe('minifyHtmlTemplate', () => {
  it('makes each whitespace run with a line break one space, around interpolations too', () => {
    const pieces = ['\n  <div\n    class="row"\n    title=', '\n  >\n    ', '\n  </div>\n'];
    assert.deepEqual(minifyHtmlTemplate(pieces), [' <div class="row" title=', ' > ', ' </div> ']);
  });

  it('keeps whitespace without a line break as written', () => {
    assert.deepEqual(minifyHtmlTemplate(['<p class="a">  two  spaces  </p>', ' <b>', '</b>']), [
      '<p class="a">  two  spaces  </p>',
      ' <b>',
      '</b>',
    ]);
  });

  it('leaves a template with a <pre> or a <textarea> as written', () => {
    assert.equal(minifyHtmlTemplate(['<pre id="a">\n  ', '\n</pre>']), null);
    assert.equal(minifyHtmlTemplate(['<div>\n  <textarea>', '</textarea>\n</div>']), null);
  });
});

describe('minifyLitTemplates', () => {
  const code = [
    "import { css, html, unsafeCSS } from 'lit';",
    'const gap = 4;',
    'export const styles = css`',
    '  .a {',
    '    padding: ${gap}px;',
    '    margin: ${unsafeCSS(`${gap * 2}px`)};',
    '  }',
    '`;',
    'export const view = () => html`<p class="a">  two  spaces  </p>`;',
    'export const row = (title) => html`<div',
    '  class="row"',
    '  title=${title}',
    '>ok</div>`;',
    'export const more = [css`.b { color: red; }`, css`',
    '  .c { color: blue; }',
    '`];',
    'export const last = 1;',
  ].join('\n');

  it('minifies the css and html templates, interpolations as written', () => {
    const out = minifyLitTemplates(code, parseAst(code));
    assert.match(out, /html`<div class="row" title=\$\{\s*title\} >ok<\/div>`/);
    assert.match(out, /css`\.a\{padding:\$\{\s*gap\}px;margin:\$\{\s*unsafeCSS\(`\$\{gap \* 2\}px`\)\}\}`/);
    assert.match(out, /html`<p class="a">  two  spaces  <\/p>`/);
    assert.match(out, /css`\.b\{color:red\}`, css`\.c\{color:blue\}`/);
  });

  it('keeps the line of every statement after a template', () => {
    const out = minifyLitTemplates(code, parseAst(code)).split('\n');
    const lines = code.split('\n');
    assert.equal(out.length, lines.length);
    for (const line of ['export const view = () => html`<p class="a">  two  spaces  </p>`;', 'export const last = 1;'])
      assert.equal(out.indexOf(line), lines.indexOf(line), line);
  });

  /** Each module of src/elements with a `tag` template, and what the build makes of it (the lines kept). */
  function minifiedElementModules(tag: 'css' | 'html'): { file: string; source: string; out: string }[] {
    const root = join('src', 'elements');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    return files.flatMap((file) => {
      const source = readFileSync(join(root, file), 'utf8');
      if (!source.includes(`${tag}\``)) return [];
      // The build sees JavaScript; the templates are the same in the TypeScript.
      const out = minifyLitTemplates(source, parseAst(source, { lang: 'ts' }));
      assert.equal(out.split('\n').length, source.split('\n').length, `${file}: lines kept`);
      return [{ file, source, out }];
    });
  }

  it('minifies every stylesheet of src/elements', () => {
    let templates = 0;
    for (const { file, source, out } of minifiedElementModules('css')) {
      templates += (source.match(/\bcss`/g) ?? []).length;
      assert.equal((out.match(/\bcss`\s/g) ?? []).length, 0, `${file}: a css template left as written`);
    }
    assert.ok(templates > 20, `${templates} css templates`);
  });

  it('minifies every markup template of src/elements but the ones with a <pre>', () => {
    let minified = 0;
    for (const { file, out } of minifiedElementModules('html')) {
      for (const pieces of htmlTemplates(parseAst(out, { lang: 'ts' }))) {
        if (pieces.some((piece) => /<pre\b/.test(piece))) continue;
        assert.ok(!pieces.some((piece) => piece.includes('\n')), `${file}: ${pieces[0]!.slice(0, 60)}… left as written`);
        minified++;
      }
    }
    assert.ok(minified > 100, `${minified} html templates`);
  });
});
