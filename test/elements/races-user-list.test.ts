/**
 * The last query wins (issue 15) for the list: a fast-check `scheduler()` property interleaves search,
 * sort and status changes (properties, attributes, the search box, the sort headers, the status
 * checkboxes, back / forward to another query string with `sync-url`, several at once), pushed data
 * with its live refresh and refreshes with the answers in random order; once quiet the rows are a
 * direct `listUsers` of the final query, every control shows that query, and so does the URL.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/user-list/define.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import { USER_STATUSES, type UserStatus } from '../../src/core/index.js';
import type { ListUsersQuery, SortDirection, UserSort } from '../../src/backend/index.js';
import {
  assertRace,
  burst,
  livePush,
  raceRuns,
  runRace,
  scheduledBackend,
  updatesDone,
  withFakeTimers,
  type RaceStep,
} from './race-harness.js';
import { ingestNewUser, overviewWorld } from './race-world.js';

const shadow = (el: Element) => el.shadowRoot!;

const SEARCHES = ['', 'a', 'bo', 'bon', 'w c', 'zz'];
const SORTS: UserSort[] = ['last-seen', 'sessions', 'newest', 'active-time'];
const DIRECTIONS: SortDirection[] = ['asc', 'desc'];

const actionArb = fc.oneof(
  fc.record({ kind: fc.constant('search-property' as const), value: fc.constantFrom(...SEARCHES) }),
  fc.record({ kind: fc.constant('search-attribute' as const), value: fc.constantFrom(...SEARCHES) }),
  fc.record({ kind: fc.constant('search-box' as const), value: fc.constantFrom(...SEARCHES) }),
  fc.record({ kind: fc.constant('sort-property' as const), value: fc.constantFrom(...SORTS), dir: fc.constantFrom(...DIRECTIONS) }),
  fc.record({ kind: fc.constant('sort-header' as const), index: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('statuses' as const), value: fc.subarray([...USER_STATUSES]) }),
  fc.record({ kind: fc.constant('status-box' as const), status: fc.constantFrom(...USER_STATUSES) }),
  fc.record({
    kind: fc.constant('popstate' as const),
    search: fc.constantFrom(...SEARCHES),
    statuses: fc.subarray([...USER_STATUSES]),
    sort: fc.constantFrom(...SORTS),
    dir: fc.constantFrom(...DIRECTIONS),
  }),
  fc.constant({ kind: 'push' as const }),
  fc.constant({ kind: 'refresh' as const }),
);
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

describe('races: the user list (issue 15)', function () {
  this.timeout(900_000);
  const startUrl = location.href;
  afterEach(() => history.replaceState(null, '', startUrl));

  it('the list shows the rows of its current query, and its controls and the URL show that query', async () => {
    const started = performance.now();
    const runs = raceRuns(500);
    await assertRace(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.oneof(actionArb, fc.array(actionArb, { minLength: 2, maxLength: 3 })), { maxLength: 6 }),
        async (s, actions) =>
          withFakeTimers(async (clock) => {
            history.replaceState(null, '', startUrl);
            const scenario = await overviewWorld('w');
            const backend = scheduledBackend(scenario.backend, s);
            const el = document.createElement('dozor-user-list') as DozorUserList;
            el.backend = backend;
            el.syncUrl = true;
            document.body.append(el);
            try {
              const stepsOf = (a: Action): RaceStep[] => {
                switch (a.kind) {
                  case 'search-property':
                    return [{ label: `search = ${a.value}`, run: () => void (el.search = a.value) }];
                  case 'search-attribute':
                    return [{ label: `search="${a.value}"`, run: () => el.setAttribute('search', a.value) }];
                  case 'search-box':
                    return [{ label: `type ${a.value} + Enter`, run: () => typeSearch(el, a.value) }];
                  case 'sort-property':
                    return [{ label: `sort = ${a.value} ${a.dir}`, run: () => void ((el.sort = a.value), (el.sortDir = a.dir)) }];
                  case 'sort-header':
                    return [
                      {
                        label: `click sort header ${a.index}`,
                        run: () => shadow(el).querySelectorAll<HTMLButtonElement>('[part~="sort-button"]')[a.index]?.click(),
                      },
                    ];
                  case 'statuses':
                    return [{ label: `statuses = ${a.value.join(',')}`, run: () => void (el.statuses = a.value) }];
                  case 'status-box':
                    return [{ label: `toggle status ${a.status}`, run: () => toggleStatus(el, a.status) }];
                  case 'popstate':
                    return [
                      {
                        label: `back to ?search=${a.search}&statuses=${a.statuses.join(',')}&sort=${a.sort}&dir=${a.dir}`,
                        run: () => goBackTo(a),
                      },
                    ];
                  case 'push':
                    return [
                      { label: 'ingest', run: () => ingestNewUser(scenario) },
                      { label: 'live push', run: () => livePush(backend, clock, []) },
                    ];
                  case 'refresh':
                    return [{ label: 'refresh', run: () => el.refresh() }];
                }
              };
              // A burst applies its changes in one task; its pushes ingest without waiting.
              const steps = actions.flatMap((a) => (Array.isArray(a) ? [burst(a.flatMap(stepsOf))] : stepsOf(a)));
              await runRace(s, steps, () => updatesDone(el));
              const expected = await scenario.backend.listUsers(listQuery(el));
              const shownNames = [...shadow(el).querySelectorAll('[part="row"] [part="name"]')].map((n) => n.textContent!.trim());
              expect(shownNames, 'rows').to.deep.equal(expected.data.map((user) => user.displayName));
              expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.value, 'search box').to.equal(el.search);
              if (shownNames.length > 0) expectSortHeaders(el);
              expectStatusBoxes(el, el.statuses);
              expectUrl(el);
            } finally {
              el.remove();
            }
          }),
      ),
      runs,
    );
    console.log(`list race: ${runs} runs in ${Math.round(performance.now() - started)} ms`);
  });
});

/** What the list's current inputs ask for (its own query, rebuilt from the public properties). */
function listQuery(el: DozorUserList): ListUsersQuery {
  return {
    search: el.search.trim() || undefined,
    statuses: el.statuses.length > 0 ? [...el.statuses] : undefined,
    projectIds: el.projectIds.length > 0 ? [...el.projectIds] : undefined,
    identity: el.identity,
    sort: el.sort,
    sortDir: el.sortDir,
    limit: el.pageSize,
  };
}

/** Types into the search box and presses Enter (which applies it at once, without the debounce). */
function typeSearch(el: DozorUserList, value: string): void {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

/** Back (or forward) to an entry with this query string, as the list writes it (defaults left out). */
function goBackTo(query: { search: string; statuses: readonly UserStatus[]; sort: UserSort; dir: SortDirection }): void {
  const url = new URL(location.href);
  url.search = '';
  if (query.search.trim()) url.searchParams.set('search', query.search.trim());
  if (query.statuses.length > 0) url.searchParams.set('statuses', query.statuses.join(','));
  if (query.sort !== 'last-seen') url.searchParams.set('sort', query.sort);
  if (query.dir !== 'desc') url.searchParams.set('dir', query.dir);
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function statusBoxes(el: DozorUserList): HTMLInputElement[] {
  const filters = [...shadow(el).querySelectorAll('details[part="filter"]')];
  const statusFilter = filters[filters.length - 1];
  return statusFilter ? [...statusFilter.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')] : [];
}

function toggleStatus(el: DozorUserList, status: UserStatus): void {
  const box = statusBoxes(el)[USER_STATUSES.indexOf(status)];
  if (!box) return;
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function expectStatusBoxes(el: DozorUserList, statuses: readonly UserStatus[]): void {
  expect(
    statusBoxes(el).map((box) => box.checked),
    'status checkboxes',
  ).to.deep.equal(USER_STATUSES.map((status) => statuses.includes(status)));
}

const SORT_COLUMN: Record<UserSort, string> = {
  newest: 'User',
  'last-seen': 'Last seen',
  sessions: 'Sessions',
  'active-time': 'Active 7d',
};

function expectSortHeaders(el: DozorUserList): void {
  const sorted = [...shadow(el).querySelectorAll('[role="columnheader"][aria-sort]')].filter((h) => h.getAttribute('aria-sort') !== 'none');
  expect(
    sorted.map((h) => {
      const button = h.querySelector('button')!;
      const sortKey = button.querySelector('.sort-key')?.textContent ?? '';
      return button.textContent!.replace(sortKey, '').replace(/[↑↓]/g, '').trim();
    }),
    'sorted column',
  ).to.deep.equal([SORT_COLUMN[el.sort]]);
  expect(sorted[0]!.getAttribute('aria-sort'), 'sort direction').to.equal(el.sortDir === 'asc' ? 'ascending' : 'descending');
}

/** The query string names exactly the list's filters and sort (defaults left out). */
function expectUrl(el: DozorUserList): void {
  const params = new URLSearchParams(location.search);
  expect(
    {
      search: params.get('search') ?? '',
      statuses: params.get('statuses') ?? '',
      sort: params.get('sort') ?? 'last-seen',
      dir: params.get('dir') ?? 'desc',
    },
    'query string',
  ).to.deep.equal({ search: el.search.trim(), statuses: el.statuses.join(','), sort: el.sort, dir: el.sortDir });
}
