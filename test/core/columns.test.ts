import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  ColumnsError,
  DEFAULT_COLUMNS,
  MAX_COLUMNS,
  discoverTraitKeys,
  formatColumns,
  moveColumn,
  parseColumns,
  setColumnShown,
  traitColumn,
  traitText,
  type ListColumn,
} from '../../src/core/index.js';

const rejects = (text: string) => {
  try {
    parseColumns(text);
  } catch (error) {
    expect(error).to.be.instanceOf(ColumnsError);
    return (error as ColumnsError).message;
  }
  throw new Error(`"${text}" was accepted`);
};

describe('core/columns', () => {
  it('reads the columns attribute: built-in names and trait columns, in the order given', () => {
    expect(parseColumns('user,status,last-seen,trait:plan')).to.deep.equal(['user', 'status', 'last-seen', 'trait:plan']);
    expect(parseColumns(' user , trait:company%2C inc ')).to.deep.equal(['user', 'trait:company, inc']);
    expect(formatColumns(DEFAULT_COLUMNS)).to.equal('user,project,status,tags,last-seen,sessions,active');
  });

  it('refuses what it cannot show, with a clear typed error', () => {
    expect(rejects('user,nope')).to.equal('Unknown column "nope"');
    expect(rejects('user,status,status')).to.equal('Column "status" is listed twice');
    expect(rejects('status,last-seen')).to.equal('The "user" column cannot be hidden');
    expect(rejects('user,,status')).to.equal('Empty column name');
    expect(rejects('user,trait:')).to.equal('A trait column needs a trait key');
    expect(rejects('user,trait:%E0%A4%A')).to.contain('Unreadable trait key');
    expect(rejects(['user', ...Array.from({ length: MAX_COLUMNS }, (_, i) => `trait:k${i}`)].join(','))).to.equal(
      `At most ${MAX_COLUMNS} columns`,
    );
  });

  it('property: formatColumns and parseColumns round-trip any trait keys', () => {
    const key = fc.string({ minLength: 1, maxLength: 30 }).filter((k) => k.trim() !== '');
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 8 }), fc.boolean(), (keys, traitsFirst) => {
        const traits = keys.map((k) => traitColumn(k));
        const columns: ListColumn[] = traitsFirst ? [...traits, 'user'] : ['user', 'status', ...traits];
        expect(parseColumns(formatColumns(columns))).to.deep.equal(columns);
      }),
      { numRuns: 200 },
    );
  });

  it('shows, hides and moves columns; built-ins come back at their default place, the user column stays', () => {
    const some: ListColumn[] = ['user', 'last-seen', 'trait:plan'];
    expect(setColumnShown(some, 'status', true)).to.deep.equal(['user', 'status', 'last-seen', 'trait:plan']);
    expect(setColumnShown(some, 'active', true)).to.deep.equal(['user', 'last-seen', 'active', 'trait:plan']);
    expect(setColumnShown(some, 'trait:role', true)).to.deep.equal(['user', 'last-seen', 'trait:plan', 'trait:role']);
    expect(setColumnShown(some, 'user', false)).to.deep.equal(some);
    expect(setColumnShown(some, 'last-seen', false)).to.deep.equal(['user', 'trait:plan']);
    expect(moveColumn(some, 'trait:plan', -1)).to.deep.equal(['user', 'trait:plan', 'last-seen']);
    expect(moveColumn(some, 'user', -1)).to.deep.equal(some);
    expect(moveColumn(some, 'user', 5)).to.deep.equal(['last-seen', 'trait:plan', 'user']);
  });

  it('discovers trait keys from the loaded rows, most common first, bounded', () => {
    const rows = [
      { traits: { plan: 'pro', email: 'a@x' } },
      { traits: { plan: 'free', '': 1 } },
      { traits: null },
      { traits: { zeta: 1, alpha: 2 } },
    ];
    expect(discoverTraitKeys(rows)).to.deep.equal(['plan', 'alpha', 'email', 'zeta']);
    expect(discoverTraitKeys(rows, 2)).to.deep.equal(['plan', 'alpha']);
  });

  it('a trait cell is bounded text whatever the value', () => {
    expect(traitText({ plan: ' pro ' }, 'plan')).to.equal('pro');
    expect(traitText({ n: 3, ok: false }, 'n')).to.equal('3');
    expect(traitText({ ok: false }, 'ok')).to.equal('false');
    expect(traitText({ tags: ['a', 'b'] }, 'tags')).to.equal('["a","b"]');
    expect(traitText({ x: null }, 'x')).to.equal('');
    expect(traitText(null, 'x')).to.equal('');
    expect(traitText({}, 'toString')).to.equal('');
    expect(traitText({ long: 'y'.repeat(10_000) }, 'long').length).to.equal(201);
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 10_000; i++) at = at['d'] = {};
    expect(traitText({ deep }, 'deep').length).to.be.below(202);
  });
});
