import { DEFAULT_LOCALE } from './format.js';
import { localeNumbers, type LocaleNumbers, type PluralCategory } from './plural.js';

/**
 * Messages as data (ICU MessageFormat's syntax, the part the translations need), compiled once into
 * functions:
 *
 * - `{name}`: the argument as text (an array: its items joined by ", ").
 * - `{name, number}`: `numbers.number(value)`; `{name, number, percent}`: `numbers.percent(value)`.
 * - `{name, list}`: an array joined by ", "; `{name, list, 、}`: joined by the (trimmed) text after the comma.
 * - `{name, plural, =0 {…} one {…} few {…} other {…}}`: an exact value first, else the category
 *   `Intl.PluralRules` of the caller's locale selects, else `other`. In a branch, `#` is the count as
 *   `numbers.number` writes it (as `LocaleNumbers.plural` does). Branches may hold any message, plurals too.
 * - `{name, select, identified {…} true {…} null {…} other {…}}`: the branch named by the value (a string or
 *   number as text; `null`, `true`, `false` only for those values, never for the text "null"), else `other`.
 * - Quoting: `''` is an apostrophe; `'{`, `'}` (and `'#` in a plural) start literal text up to the next single
 *   `'`. Any other apostrophe is itself (`l'été`).
 *
 * A plural or select needs `other`. A malformed message throws a {@link MessageSyntaxError} when it is compiled.
 */

/** What a message's arguments may be. */
export type MessageValue = string | number | boolean | null | undefined | readonly string[];

/** A message that cannot be compiled: why, where (`offset` into `text`), and the catalogue key if known. */
export class MessageSyntaxError extends Error {
  override readonly name = 'MessageSyntaxError';

  constructor(
    readonly reason: string,
    readonly text: string,
    readonly offset: number,
    readonly key?: string,
  ) {
    super(`${key === undefined ? 'Message' : `Message "${key}"`}: ${reason} (at ${offset} in ${JSON.stringify(text)})`);
  }
}

/** A compiled message: the arguments in the order of its names, and the caller's number helpers. */
export type CompiledMessage = (values: readonly MessageValue[], numbers?: LocaleNumbers) => string;

/** One piece of a parsed message. `index` points into the names the message was compiled with. */
export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'count' }
  | {
      readonly kind: 'argument';
      readonly index: number;
      readonly format: 'text' | 'number' | 'percent' | 'list';
      readonly separator: string;
    }
  | {
      readonly kind: 'plural';
      readonly index: number;
      readonly exact: ReadonlyMap<number, readonly MessagePart[]>;
      readonly forms: Readonly<Partial<Record<PluralCategory, readonly MessagePart[]>>>;
    }
  | { readonly kind: 'select'; readonly index: number; readonly cases: ReadonlyMap<string, readonly MessagePart[]> };

const CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'] satisfies PluralCategory[];
const NAME = /[A-Za-z0-9_]/;
const SELECTOR = /[^\s{}]/;

/** Parses `text` whose placeholders must be among `names`; throws {@link MessageSyntaxError}. */
export function parseMessage(text: string, names: readonly string[], key?: string): readonly MessagePart[] {
  let at = 0;
  const fail = (reason: string, offset = at): never => {
    throw new MessageSyntaxError(reason, text, offset, key);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const word = (pattern: RegExp) => {
    const start = at;
    while (at < text.length && pattern.test(text[at]!)) at++;
    return text.slice(start, at);
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[at] !== char) fail(at < text.length ? `expected ${what}, found "${text[at]}"` : `expected ${what}, found the end`);
    at++;
  };

  function message(depth: number, inPlural: boolean): MessagePart[] {
    const parts: MessagePart[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push({ kind: 'text', text: literal });
      literal = '';
    };
    while (at < text.length) {
      const char = text[at]!;
      if (char === "'") {
        const next = text[at + 1];
        if (next === "'") {
          literal += "'";
          at += 2;
        } else if (next === '{' || next === '}' || (next === '#' && inPlural)) {
          const start = at++;
          for (;;) {
            if (at >= text.length) fail('a quote that is never closed', start);
            if (text[at] === "'" && text[at + 1] !== "'") break;
            literal += text[at]!;
            at += text[at] === "'" ? 2 : 1;
          }
          at++;
        } else {
          literal += char;
          at++;
        }
      } else if (char === '{') {
        flush();
        parts.push(argument(depth, inPlural));
      } else if (char === '}') {
        if (depth === 0) fail('a "}" that closes nothing');
        break;
      } else if (char === '#' && inPlural) {
        flush();
        parts.push({ kind: 'count' });
        at++;
      } else {
        literal += char;
        at++;
      }
    }
    flush();
    return parts;
  }

  function argument(depth: number, inPlural: boolean): MessagePart {
    const open = at++;
    skipSpace();
    const nameAt = at;
    const name = word(NAME);
    if (!name) fail(text[at] === undefined ? 'a "{" that is never closed' : 'expected a placeholder name', nameAt);
    const index = names.indexOf(name);
    if (index < 0)
      fail(`unknown placeholder {${name}}; this message has ${names.length ? names.map((n) => `{${n}}`).join(', ') : 'none'}`, nameAt);
    skipSpace();
    if (text[at] === '}') {
      at++;
      return { kind: 'argument', index, format: 'text', separator: ', ' };
    }
    if (text[at] !== ',')
      fail(at < text.length ? `expected "," or "}" after {${name}` : `a "{" that is never closed`, at < text.length ? at : open);
    at++;
    skipSpace();
    const typeAt = at;
    const type = word(NAME);
    skipSpace();
    if (type === 'number' || type === 'list') {
      let style = '';
      if (text[at] === ',') {
        const styleAt = ++at;
        while (at < text.length && text[at] !== '}' && text[at] !== '{') at++;
        style = text.slice(styleAt, at).trim();
        if (type === 'number' && style !== 'percent') fail(`unknown number style "${style}" (only "percent")`, styleAt);
        if (type === 'list' && !style) fail('a list needs a separator after the comma', styleAt);
      }
      expect('}', `"}" to close {${name}, ${type}}`);
      if (type === 'number') return { kind: 'argument', index, format: style ? 'percent' : 'number', separator: '' };
      return { kind: 'argument', index, format: 'list', separator: style || ', ' };
    }
    if (type !== 'plural' && type !== 'select') fail(`unknown format "${type}" (number, list, plural or select)`, typeAt);
    expect(',', `"," after {${name}, ${type}`);
    const branches = new Map<string, MessagePart[]>();
    for (;;) {
      skipSpace();
      if (at >= text.length) fail('a "{" that is never closed', open);
      if (text[at] === '}') break;
      const selectorAt = at;
      const selector = word(SELECTOR);
      if (!selector) fail(`expected a branch name in {${name}, ${type}}`);
      if (type === 'plural' && !CATEGORIES.includes(selector) && !/^=-?\d+(\.\d+)?$/.test(selector))
        fail(`unknown plural branch "${selector}" (zero, one, two, few, many, other or =N)`, selectorAt);
      if (branches.has(selector)) fail(`the branch "${selector}" twice`, selectorAt);
      expect('{', `"{" after the branch "${selector}"`);
      branches.set(selector, message(depth + 1, type === 'plural' || inPlural));
      if (at >= text.length) fail('a "{" that is never closed', open);
      at++;
    }
    if (!branches.has('other')) fail(`{${name}, ${type}} has no "other" branch`, open);
    at++;
    if (type === 'select') return { kind: 'select', index, cases: branches };
    const exact = new Map<number, MessagePart[]>();
    const forms: Partial<Record<PluralCategory, MessagePart[]>> = {};
    for (const [selector, parts] of branches) {
      if (selector.startsWith('=')) exact.set(Number(selector.slice(1)), parts);
      else forms[selector as PluralCategory] = parts;
    }
    return { kind: 'plural', index, exact, forms };
  }

  return message(0, false);
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) rules.set(locale, (found = new Intl.PluralRules(locale)));
  return found;
}

/** The branch a value selects: `null`, `true` and `false` only for those values (a view named "null" is text). */
function selectKey(value: MessageValue): string | undefined {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value);
  return key === 'null' || key === 'true' || key === 'false' ? undefined : key;
}

function render(parts: readonly MessagePart[], values: readonly MessageValue[], numbers: LocaleNumbers, count: MessageValue): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'count':
        out += typeof count === 'number' ? numbers.number(count) : String(count);
        break;
      case 'argument': {
        const value = values[part.index];
        if (part.format === 'number') out += numbers.number(value as number);
        else if (part.format === 'percent') out += numbers.percent(value as number);
        else out += Array.isArray(value) ? value.join(part.separator) : String(value);
        break;
      }
      case 'plural': {
        const value = values[part.index];
        const branch =
          typeof value === 'number'
            ? (part.exact.get(value) ?? part.forms[pluralRules(numbers.locale).select(value)] ?? part.forms.other!)
            : part.forms.other!;
        out += render(branch, values, numbers, value);
        break;
      }
      case 'select': {
        const key = selectKey(values[part.index]);
        out += render((key !== undefined && part.cases.get(key)) || part.cases.get('other')!, values, numbers, count);
        break;
      }
    }
  }
  return out;
}

/**
 * Compiles `text` for arguments named `names` (in the order the compiled function receives them).
 * Without `numbers` at call time, the function formats for `locale` (default English).
 */
export function compileMessage(text: string, names: readonly string[], options: { locale?: string; key?: string } = {}): CompiledMessage {
  const parts = parseMessage(text, names, options.key);
  const fallback = options.locale ?? DEFAULT_LOCALE;
  const [first] = parts;
  if (parts.length === 1 && first?.kind === 'text') {
    const constant = first.text;
    return () => constant;
  }
  return (values, numbers = localeNumbers(fallback)) => render(parts, values, numbers, undefined);
}
