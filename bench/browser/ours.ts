// Contender "ours": <dozor-user-list> on a backend that serves the benchmark's rows in pages, as a
// host's adapter would (cursor pagination, total), answering at once so that only rendering is timed.
import '../../src/elements/user-list/define.js';
import type { DozorBackend, ListUsersQuery, Page, ProjectInfo, TrackedUserListItem } from '../../src/backend/index.js';
import { DozorBackendError } from '../../src/backend/index.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import { runListBench, whenRendered } from './harness.js';
import { BENCH_PROJECTS } from './rows.js';

const unsupported = () => Promise.reject(new DozorBackendError('server', 'Not served in the benchmark'));

function rowsBackend(rows: readonly TrackedUserListItem[]): DozorBackend {
  return {
    capabilities: {
      sorts: ['last-seen', 'sessions', 'active-time', 'newest'],
      filters: { search: true, projects: true, statuses: true, identities: ['identified'] },
      blocks: { summary: false, activity: false, pageDistribution: false, timeline: false, sessions: false, status: false },
      tags: ['new', 'returning', 'longtime', 'work-info', 'contact-info', 'buyer', 'custom-attributes'],
      edits: { displayName: false, projectTraitKey: false },
      live: false,
      total: true,
    },
    async listUsers(query: ListUsersQuery = {}): Promise<Page<TrackedUserListItem>> {
      const start = query.cursor ? Number(query.cursor) : 0;
      const end = Math.min(rows.length, start + (query.limit ?? 50));
      return { data: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null, total: rows.length };
    },
    async listProjects(): Promise<ProjectInfo[]> {
      return BENCH_PROJECTS.map((project) => ({
        ...project,
        maskedKey: 'dz_••••',
        organizationId: 'org',
        sessionCount: 0,
        lastUsedAt: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }));
    },
    getSummary: unsupported,
    getUser: unsupported,
    getActivity: unsupported,
    getTimeline: unsupported,
    listSessions: unsupported,
    getStatus: unsupported,
    updateDisplayName: unsupported,
    updateProjectTraitKey: unsupported,
  };
}

const list = (container: HTMLElement) => container.querySelector<DozorUserList>('dozor-user-list')!;
const rowsElement = (container: HTMLElement) => list(container).shadowRoot?.querySelector('.rows');

runListBench({
  async mount(container, rows) {
    const el = document.createElement('dozor-user-list');
    el.backend = rowsBackend(rows);
    el.pageSize = 100;
    el.locale = 'en';
    container.append(el);
    await whenRendered(el.renderRoot, () => rowsElement(container)?.querySelector('.body-row:not(.skeleton-row)') != null);
    await el.updateComplete;
  },
  async loadAll(container, rows) {
    const el = list(container);
    while (el.loadedUsers.length < rows.length) await el.loadMore();
    await el.updateComplete;
  },
  unmount(container) {
    container.replaceChildren();
  },
  scroller: (container) => list(container).shadowRoot!.querySelector<HTMLElement>('.scroller')!,
  domRows: (container) => rowsElement(container)?.childElementCount ?? 0,
});
