import { expect } from '@open-wc/testing';
import {
  MAX_SAVED_VIEWS,
  SavedViewError,
  createStorageViewStore,
  defaultView,
  listStorageKey,
  sanitizeViews,
  upsertView,
  viewName,
  type KeyValueStorage,
  type SavedView,
} from '../../src/core/index.js';

const view = (id: string, isDefault = false, query = 'statuses=ONLINE'): SavedView => ({ id, name: `View ${id}`, query, isDefault });

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('core/saved-views', () => {
  it('names are trimmed, and a blank or over-long name is a typed error', () => {
    expect(viewName('  Online   now ')).to.equal('Online now');
    expect(() => viewName('   ')).to.throw(SavedViewError, 'A view needs a name');
    expect(() => viewName('x'.repeat(81))).to.throw(SavedViewError, 'at most 80');
  });

  it('keeps one default: saving a default view clears the previous one', () => {
    const views = upsertView(upsertView([], view('a', true)), view('b', true));
    expect(views.map((v) => [v.id, v.isDefault])).to.deep.equal([
      ['a', false],
      ['b', true],
    ]);
    expect(defaultView(views)!.id).to.equal('b');
    const renamed = upsertView(views, { ...view('a'), name: 'Renamed' });
    expect(renamed.map((v) => v.name)).to.deep.equal(['Renamed', 'View b']);
  });

  it('refuses a view past the limit and changes nothing', () => {
    const full = Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => view(String(i)));
    expect(() => upsertView(full, view('one-more'))).to.throw(SavedViewError);
    expect(upsertView(full, { ...view('3'), name: 'Still fits' })).to.have.length(MAX_SAVED_VIEWS);
  });

  it('sanitizes untrusted lists: malformed entries and repeated ids dropped, one default', () => {
    const views = sanitizeViews([view('a', true), { id: 'b' }, view('a'), null, 'x', view('c', true), { ...view('d'), name: '' }]);
    expect(views.map((v) => [v.id, v.isDefault])).to.deep.equal([
      ['a', true],
      ['c', false],
    ]);
    expect(sanitizeViews({ not: 'a list' })).to.deep.equal([]);
  });

  it('the storage store persists per storage key and survives garbage written by others', async () => {
    const storage = memoryStorage();
    const store = createStorageViewStore(storage, 'users');
    await store.save(view('a', true));
    await store.save(view('b'));
    expect((await createStorageViewStore(storage, 'users').list()).map((v) => v.id)).to.deep.equal(['a', 'b']);
    expect(await createStorageViewStore(storage, 'other').list()).to.deep.equal([]);
    await store.remove('a');
    expect(store.readSync().map((v) => v.id)).to.deep.equal(['b']);
    storage.setItem(listStorageKey('users', 'views'), '{not json');
    expect(await store.list()).to.deep.equal([]);
  });
});
