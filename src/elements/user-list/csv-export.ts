import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTraitColumn, toCsv, traitKeyOf, type BuiltInColumn, type ListColumn } from '../../core/index.js';
import type { DozorBackend, DozorBackendError, ListUsersQuery, TrackedUserListItem } from '../../backend/index.js';
import { toBackendError } from '../shared/backend-task.js';
import { userPages } from './paged-rows.js';

export interface CsvExportOptions {
  backend: () => DozorBackend | undefined;
  query: () => ListUsersQuery;
  /** The total the list knows, shown until the first export page reports one. */
  knownTotal: () => number | undefined;
  /** The field names, in the order of `userFields` below (`csvHeader` in the strings). */
  header: () => readonly string[];
  /** The list's columns: the export has their fields, in their order. */
  columns: () => readonly ListColumn[];
}

/**
 * The CSV fields of each built-in column, as indexes into `csvHeader` (id, externalId, displayName,
 * email, project, status, identity, tags, lastSeen, sessions, activeSeconds7d, firstSeen). The id
 * comes with the user column, which is always shown; first seen ends every row.
 */
const COLUMN_FIELDS: Record<BuiltInColumn, readonly number[]> = {
  user: [0, 1, 2, 3],
  project: [4],
  status: [5, 6],
  tags: [7],
  'last-seen': [8],
  sessions: [9],
  active: [10],
};
const FIRST_SEEN_FIELD = 11;

/**
 * Resolves in a new task (a message, which no timer clamps): between two pages that an in-page backend
 * answers at once, the page paints the progress and takes a click on Cancel.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
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
    const columns = this.options.columns();
    try {
      // The filters as they were when the export began: a cursor belongs to the query that made it.
      for await (const page of userPages(backend, this.options.query(), controller.signal)) {
        for (const user of page.data) rows.push(csvValues(user, columns));
        this.setProgress({ done: rows.length, total: page.total ?? this.options.knownTotal() });
        await nextTask();
      }
      const csv = toCsv(csvHeader(this.options.header(), columns), rows);
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

function csvHeader(names: readonly string[], columns: readonly ListColumn[]): string[] {
  const fields = columns.flatMap((column) => (isTraitColumn(column) ? [column] : COLUMN_FIELDS[column].map((field) => names[field] ?? '')));
  return [...fields, names[FIRST_SEEN_FIELD] ?? ''];
}

/** A user's fields for the chosen columns; a trait's value as it is (objects as JSON through toCsv), not clipped. */
function csvValues(user: TrackedUserListItem, columns: readonly ListColumn[]): unknown[] {
  const traits = user.traits;
  const fields: unknown[] = [
    user.id,
    user.externalId,
    user.displayName,
    traits && typeof traits['email'] === 'string' ? traits['email'] : '',
    user.projectName,
    user.status,
    user.identity ?? '',
    (user.tags ?? []).map((t) => t.id).join(' '),
    user.lastEventAt ?? '',
    user.sessionCount,
    user.activeTime7d,
  ];
  const values = columns.flatMap((column) => {
    if (!isTraitColumn(column)) return COLUMN_FIELDS[column].map((field) => fields[field]);
    const key = traitKeyOf(column);
    return [traits && Object.prototype.hasOwnProperty.call(traits, key) ? traits[key] : ''];
  });
  return [...values, user.createdAt];
}
