// The library build's minifier of Lit templates (vite.config.ts): hosts' minifiers leave template literals
// alone, so the stylesheets and the markup would ship as written.
// - css`…`: conservative on purpose: comments go, whitespace runs become one space, and whitespace goes only
//   where CSS never reads it (next to `{ } ; , >`, after `:`, at the ends), plus the `;` before a `}`.
//   Strings, `+` / `-` (calc), descendant combinators and `${…}` interpolations are left as they are; a
//   template it cannot read for sure (a backslash outside a string, an unterminated comment or string, a
//   comment between two tokens) is left untouched.
// - html`…`: a whitespace run that holds a line break (indentation, a tag's attributes one per line) becomes
//   one space, which the page reads the same wherever whitespace collapses; a template with a `<pre>` or a
//   `<textarea>`, where it does not, is left as written.

const HOLE = '\u0000';
const DROP_AFTER = new Set(['{', '}', ';', ',', '>', ':']);
const DROP_BEFORE = new Set(['{', '}', ';', ',', '>']);
const isSpace = (char) => char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/**
 * Minifies the text of one css`…` template, given as the raw text between its interpolations
 * (`quasi.quasis[i].value.raw`). Returns as many pieces, or null when the template is left as written.
 * @param {readonly string[]} pieces
 * @returns {string[] | null}
 */
export function minifyCssTemplate(pieces) {
  const text = pieces.join(HOLE);
  if (pieces.some((piece) => piece.includes(HOLE))) return null;
  let out = '';
  let space = false; // whitespace (or a comment) seen since the last character written
  const flushSpace = (next) => {
    if (space && out !== '' && !DROP_AFTER.has(out[out.length - 1]) && !DROP_BEFORE.has(next)) out += ' ';
    space = false;
  };
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (isSpace(char)) {
      space = true;
      i += 1;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1 || text.slice(i, end).includes(HOLE)) return null;
      // Only where a space may stand in for it: `.a/**/.b` is `.a.b`, not `.a .b`.
      const before = i === 0 || isSpace(text[i - 1]);
      const after = end + 2 >= text.length || isSpace(text[end + 2]);
      if (!before && !after) return null;
      space = true;
      i = end + 2;
    } else if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== char) {
        if (text[end] === '\n' || text[end] === HOLE) return null;
        // A CSS escape is \\ in the raw text (then the character it escapes); any other JS escape: left alone.
        if (
          text[end] === '\\' &&
          (text[end + 1] !== '\\' || text[end + 2] === '\\' || text[end + 2] === HOLE || text[end + 2] === undefined)
        )
          return null;
        end += text[end] === '\\' ? 3 : 1;
      }
      if (end >= text.length) return null;
      flushSpace(char);
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '\\') {
      return null;
    } else {
      flushSpace(char);
      if (char === '}' && out.endsWith(';')) out = out.slice(0, -1);
      out += char;
      i += 1;
    }
  }
  const minified = out.split(HOLE);
  return minified.length === pieces.length ? minified : null;
}

/**
 * Minifies the text of one html`…` template, given as its raw pieces: each whitespace run with a line break
 * becomes one space. Returns null for a template whose whitespace the page may read as written.
 * @param {readonly string[]} pieces
 * @returns {string[] | null}
 */
export function minifyHtmlTemplate(pieces) {
  if (pieces.some((piece) => /<(pre|textarea)\b/i.test(piece))) return null;
  return pieces.map((piece) => piece.replace(/[ \t\r\f]*\n\s*/g, ' '));
}

const MINIFIERS = new Map([
  ['css', minifyCssTemplate],
  ['html', minifyHtmlTemplate],
]);

/**
 * Minifies every css`…` and html`…` template of a module, given its ESTree AST (`this.parse(code)` in a Vite or Rollup
 * plugin). The line breaks a template loses go right after it (into the `${` that follows a piece, or after
 * its closing backtick), so every line of code after a template keeps its number: a plugin may return the
 * result with `map: null`.
 * @param {string} code
 * @param {unknown} ast
 * @returns {string}
 */
export function minifyLitTemplates(code, ast) {
  const edits = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const minify = node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' ? MINIFIERS.get(node.tag.name) : undefined;
    if (minify) {
      // Where each piece's raw text is: ESTree spans it exactly, TS-ESTree with its delimiters.
      const pieces = node.quasi.quasis.map(({ start, end, value: { raw } }) => {
        const at = end - start === raw.length ? start : start + 1;
        if (!code.startsWith(raw, at)) throw new Error(`${node.tag.name} template at ${start}: the AST's offsets do not match the code`);
        return { start: at, end: at + raw.length, raw };
      });
      const minified = minify(pieces.map((piece) => piece.raw));
      if (minified)
        pieces.forEach(({ start, end, raw }, index) => {
          const lineBreaks = '\n'.repeat(raw.split('\n').length - minified[index].split('\n').length);
          const delimiter = index === pieces.length - 1 ? '`' : '${';
          edits.push({ start, end: end + delimiter.length, text: minified[index] + delimiter + lineBreaks });
        });
    }
    for (const key in node) if (key !== 'type' && typeof node[key] === 'object') visit(node[key]);
  };
  visit(ast);
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at);
}
