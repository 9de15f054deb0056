import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { clipText } from '../../core/index.js';
import type {
  AdjacentDirection,
  DozorBackend,
  DozorBackendError,
  ListUsersQuery,
  TrackedUserListItem as Neighbour,
} from '../../backend/index.js';
import { BackendTask } from '../shared/backend-task.js';
import type { CommonStrings } from '../shared/strings.js';

/** The previous / next English strings (spread into `USER_PROFILE_STRINGS`); their type is `AdjacentUsersStrings`. */
export const ADJACENT_USERS_STRINGS = {
  adjacentLabel: 'Users in the list',
  previousUser: 'Previous user',
  nextUser: 'Next user',
  /** Announced (politely) after a step. */
  adjacentShowing: (name: string) => `Showing ${name}`,
};

/** The previous / next strings (every key of their English table). */
export type AdjacentUsersStrings = typeof ADJACENT_USERS_STRINGS;

export interface AdjacentUsersOptions {
  backend: () => DozorBackend | undefined;
  userId: () => string | undefined;
  /** The order of the list the user came from (its query in the URL or from the provider), if known. */
  listQuery: () => ListUsersQuery | undefined;
  /** The profile's user, once loaded: the neighbour a step leaves behind. */
  current: () => Neighbour | undefined;
  /** Opens a neighbour (the profile fires `dozor-user-select` and, unless cancelled, shows it). */
  open: (user: Neighbour) => void;
}

type Side = Neighbour | null | undefined;

/**
 * Previous / next user in the order of the list the profile was opened from: both neighbours are read
 * when the user or the order is new, and a step asks for the far side only (the user it leaves is the
 * neighbour behind), so each step costs one request. Offered only where the backend serves `adjacentUser`.
 */
export class AdjacentUsers implements ReactiveController {
  /** undefined: not known yet; null: the list ends there. */
  private sides: Record<AdjacentDirection, Side> = { previous: undefined, next: undefined };
  private readonly tasks: Record<AdjacentDirection, BackendTask<Neighbour | null>>;
  private loadedFor: string | undefined;
  private step: { to: string; direction: AdjacentDirection; from: Neighbour } | undefined;
  announcement = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AdjacentUsersOptions,
  ) {
    this.tasks = { previous: new BackendTask(host, 'adjacentUser'), next: new BackendTask(host, 'adjacentUser') };
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.requestUpdate(); // back after a disconnect (which aborted the reads): read again
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.loadedFor = undefined; // the tasks were aborted: read again on reconnect
  }

  private get order(): { backend: DozorBackend; userId: string; query: ListUsersQuery } | undefined {
    const backend = this.options.backend();
    const userId = this.options.userId();
    const query = this.options.listQuery();
    return backend?.adjacentUser && userId && query ? { backend, userId, query } : undefined;
  }

  hostUpdate(): void {
    const order = this.order;
    const key = order && JSON.stringify([order.userId, order.query]);
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    const step = order && this.step?.to === order.userId ? this.step : undefined;
    this.step = undefined;
    this.sides = { previous: undefined, next: undefined };
    if (!order) return;
    if (step) this.sides[step.direction === 'next' ? 'previous' : 'next'] = step.from;
    for (const direction of ['previous', 'next'] as const) if (this.sides[direction] === undefined) this.ask(direction);
  }

  private ask(direction: AdjacentDirection): void {
    const order = this.order;
    if (!order) return;
    const key = this.loadedFor;
    const { backend, userId, query } = order;
    void this.tasks[direction]
      .runWith((signal) => backend.adjacentUser!(userId, query, direction, { signal }))
      .then((user) => {
        if (user === undefined || key !== this.loadedFor) return;
        this.sides[direction] = user;
        this.host.requestUpdate();
      });
  }

  private go(direction: AdjacentDirection): void {
    const target = this.sides[direction];
    const from = this.options.current();
    if (!target || !from) return;
    this.step = { to: target.id, direction, from };
    this.options.open(target);
  }

  /** After the profile shows a neighbour it stepped to: says so in the live region. */
  announce(text: string): void {
    this.announcement = text;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if ((event.key !== '[' && event.key !== ']') || event.ctrlKey || event.metaKey || event.altKey || !this.order) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    this.go(event.key === '[' ? 'previous' : 'next');
  };

  private get error(): DozorBackendError | undefined {
    return this.tasks.previous.error ?? this.tasks.next.error;
  }

  /** The previous / next buttons, or nothing where the backend or the page knows no list order. */
  render(s: AdjacentUsersStrings & Pick<CommonStrings, 'retry'>): TemplateResult | typeof nothing {
    if (!this.order) return nothing;
    const button = (direction: AdjacentDirection, label: string, key: string) => {
      const side = this.sides[direction];
      return html`<button
        class="button small"
        part="button ${direction}-user-button"
        type="button"
        aria-keyshortcuts=${key}
        title=${side ? `${label}: ${clipText(side.displayName, 80)}` : label}
        ?disabled=${!side || !this.options.current()}
        @click=${() => this.go(direction)}
      >
        ${direction === 'previous' ? '← ' : ''}${label}${direction === 'next' ? ' →' : ''}
      </button>`;
    };
    return html`<nav class="adjacent" part="adjacent" aria-label=${s.adjacentLabel}>
      ${button('previous', s.previousUser, '[')} ${button('next', s.nextUser, ']')}
      ${
        this.error
          ? html`<button class="button small" part="button adjacent-retry-button" type="button" @click=${this.retry}>${s.retry}</button>`
          : nothing
      }
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
    </nav>`;
  }

  private readonly retry = (): void => {
    for (const direction of ['previous', 'next'] as const) if (this.tasks[direction].error) this.ask(direction);
  };
}
