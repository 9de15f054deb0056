import type { ReactiveControllerHost } from 'lit';
import type { DozorBackend, DozorBackendError, Page, SessionListItem } from '../../backend/index.js';
import { BackendTask } from '../shared/backend-task.js';

export interface SessionPagesOptions {
  backend: () => DozorBackend | undefined;
  userId: () => string | undefined;
  limit: () => number | undefined;
  /** The first page (given by the owner or fetched by the table). */
  firstPage: () => Page<SessionListItem> | undefined;
}

/** The pages after the first, as loaded so far, and where the next one starts (null: none). */
interface FurtherPages {
  rows: SessionListItem[];
  cursor: string | null;
}

/**
 * The sessions table's pages after the first: "Load more" appends the next page by cursor, and
 * rows are listed once by id. They belong to one user of one backend: another user or backend
 * forgets them (the task's args), while a new first page (a refresh) keeps them.
 */
export class SessionPages {
  private readonly task: BackendTask<FurtherPages, readonly [DozorBackend, string]>;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly options: SessionPagesOptions,
  ) {
    this.task = new BackendTask(host, {
      operation: 'listSessions',
      args: () => {
        const backend = options.backend();
        const userId = options.userId();
        return backend && userId ? ([backend, userId] as const) : undefined;
      },
      autoRun: false,
    });
  }

  get loading(): boolean {
    return this.task.loading;
  }

  /** The failure of the last "Load more", if it failed. */
  get error(): DozorBackendError | undefined {
    return this.task.status === 'error' ? this.task.error : undefined;
  }

  /** Every loaded session once, in page order. */
  get rows(): SessionListItem[] {
    return uniqueById(this.options.firstPage()?.data ?? [], this.task.value?.rows ?? []);
  }

  get nextCursor(): string | null {
    const further = this.task.value;
    return further ? further.cursor : (this.options.firstPage()?.nextCursor ?? null);
  }

  /** Whether there is a next page to ask for. */
  get hasMore(): boolean {
    return this.nextCursor !== null && this.task.args !== undefined;
  }

  /** Appends the next page; does nothing while one is loading or when there is none. */
  async loadMore(): Promise<void> {
    const args = this.task.args;
    const cursor = this.nextCursor;
    if (!args || !cursor || this.task.loading) return;
    const [backend, userId] = args;
    const limit = this.options.limit();
    const before = this.rows.length;
    const loaded = this.task.value?.rows ?? [];
    await this.task.runWith(async (signal) => {
      const page = await backend.listSessions(userId, { cursor, ...(limit === undefined ? {} : { limit }) }, { signal });
      const rows = [...loaded, ...page.data];
      // A page that adds nothing new ends the list instead of offering the same page forever.
      const grew = uniqueById(this.options.firstPage()?.data ?? [], rows).length > before;
      return { rows, cursor: grew ? page.nextCursor : null };
    });
  }
}

function uniqueById(first: readonly SessionListItem[], more: readonly SessionListItem[]): SessionListItem[] {
  const seen = new Set<string>();
  const rows: SessionListItem[] = [];
  for (const session of [...first, ...more]) {
    if (seen.has(session.id)) continue;
    seen.add(session.id);
    rows.push(session);
  }
  return rows;
}
