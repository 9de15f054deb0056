import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UserStatus } from '../../core/index.js';
import type { IdentityFilter, ListUsersQuery } from '../../backend/index.js';

/** The KPI cards that stand for a filter of the users list ("New this week" has no list filter). */
export type KpiId = 'total' | 'online' | 'active' | 'identified';

/** The list filters a KPI card stands for: exactly the users the card counts. */
export interface KpiQuery {
  statuses: UserStatus[];
  identity: IdentityFilter;
}

export interface KpiSelection {
  kpi: KpiId;
  query: KpiQuery;
}

/**
 * The summary counts every visible user, identified or anonymous, so each card's list filter asks
 * for every identity; a backend with one kind of user ignores it. Statuses are cumulative as the
 * summary's are (Active 24h includes the users online now).
 */
export const KPI_QUERIES: Readonly<Record<KpiId, KpiQuery>> = Object.freeze({
  total: { statuses: [], identity: 'all' },
  online: { statuses: ['ONLINE'], identity: 'all' },
  active: { statuses: ['ONLINE', 'ACTIVE_24H'], identity: 'all' },
  identified: { statuses: [], identity: 'identified' },
});

export function kpiSelection(kpi: KpiId): KpiSelection {
  const query = KPI_QUERIES[kpi];
  return { kpi, query: { statuses: [...query.statuses], identity: query.identity } };
}

/**
 * What the elements under one `<dozor-provider>` share about the users list: the quick filter a
 * KPI card set (the strip shows it pressed, the list applies it and shows it as a chip), and the
 * list's current query (the profile steps through it with previous / next).
 */
export class ListChannel {
  private readonly listeners = new Set<() => void>();
  private selection: KpiSelection | undefined;
  private query: ListUsersQuery | undefined;

  get quickFilter(): KpiSelection | undefined {
    return this.selection;
  }

  /** The list's query without its cursor, as last published by a list on the page. */
  get listQuery(): ListUsersQuery | undefined {
    return this.query;
  }

  selectKpi(selection: KpiSelection | undefined): void {
    if (selection?.kpi === this.selection?.kpi) return;
    this.selection = selection;
    this.notify();
  }

  publishQuery(query: ListUsersQuery): void {
    const { cursor: _cursor, limit: _limit, ...rest } = query;
    if (JSON.stringify(rest) === JSON.stringify(this.query)) return;
    this.query = rest;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Re-renders its host whenever the channel of its provider changes; `channel` reads it live. */
export class ListChannelController implements ReactiveController {
  private subscribed: { channel: ListChannel; unsubscribe: () => void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ListChannel | undefined,
    private readonly onChange: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  get channel(): ListChannel | undefined {
    return this.source();
  }

  hostUpdate(): void {
    const channel = this.source();
    if (channel === this.subscribed?.channel) return;
    this.subscribed?.unsubscribe();
    this.subscribed = channel ? { channel, unsubscribe: channel.subscribe(this.onChange) } : undefined;
  }

  hostConnected(): void {
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.subscribed?.unsubscribe();
    this.subscribed = undefined;
  }
}
