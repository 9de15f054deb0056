import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toCsv } from '../../core/index.js';
import {
  MAX_PAGE_LIMIT,
  type DozorBackend,
  type DozorBackendError,
  type ListUsersQuery,
  type Page,
  type TrackedUserListItem,
} from '../../backend/index.js';
import { toBackendError } from '../shared/backend-task.js';

export interface CsvExportOptions {
  backend: () => DozorBackend | undefined;
  query: () => ListUsersQuery;
  /** The total the list knows, shown until the first export page reports one. */
  knownTotal: () => number | undefined;
  header: () => readonly string[];
  /** False where the backend records no active time: that column is left empty rather than 0. */
  recordsActiveTime: () => boolean;
}

/** The CSV export of the whole filtered result: walks every page, reports progress, can be cancelled. */
export class CsvExport implements ReactiveController {
  progress: { done: number; total: number | undefined } | null = null;
  error: DozorBackendError | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly options: CsvExportOptions,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.progress !== null;
  }

  /** Resolves with the CSV text (also offered as a download unless `download: false`), or undefined when cancelled or failed. */
  async run(options: { download?: boolean } = {}): Promise<string | undefined> {
    const backend = this.options.backend();
    if (!backend || this.progress) return undefined;
    const controller = new AbortController();
    this.controller = controller;
    this.error = undefined;
    this.setProgress({ done: 0, total: this.options.knownTotal() });
    const rows: unknown[][] = [];
    try {
      let cursor: string | null = null;
      do {
        const page: Page<TrackedUserListItem> = await backend.listUsers(
          { ...this.options.query(), limit: MAX_PAGE_LIMIT, cursor },
          { signal: controller.signal },
        );
        for (const user of page.data) rows.push(this.values(user));
        cursor = page.nextCursor;
        this.setProgress({ done: rows.length, total: page.total ?? this.options.knownTotal() });
      } while (cursor !== null);
      const csv = toCsv(this.options.header(), rows);
      if (options.download !== false) this.download(csv);
      return csv;
    } catch (error) {
      if (!controller.signal.aborted) this.error = toBackendError(error);
      return undefined;
    } finally {
      this.controller = undefined;
      this.setProgress(null);
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private setProgress(progress: CsvExport['progress']): void {
    this.progress = progress;
    this.host.requestUpdate();
  }

  private values(user: TrackedUserListItem): unknown[] {
    const email = user.traits && typeof user.traits['email'] === 'string' ? user.traits['email'] : '';
    return [
      user.id,
      user.externalId,
      user.displayName,
      email,
      user.projectName,
      user.status,
      user.identity ?? '',
      (user.tags ?? []).map((t) => t.id).join(' '),
      user.lastEventAt ?? '',
      user.sessionCount,
      this.options.recordsActiveTime() ? user.activeTime7d : '',
      user.createdAt,
    ];
  }

  private download(csv: string): void {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `tracked-users-${new Date().toISOString().slice(0, 10)}.csv`;
    link.style.display = 'none';
    this.host.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
