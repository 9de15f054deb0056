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

/** What both neighbours are read for; the query as text, so that an equal order from a new URL reads nothing. */
type OrderArgs = readonly [backend: DozorBackend, userId: string, query: ListUsersQuery, queryKey: string];

const opposite = (direction: AdjacentDirection): AdjacentDirection => (direction === 'next' ? 'previous' : 'next');

/**
 * Previous / next user in the order of the list the profile was opened from: both neighbours are read
 * when the user or the order is new, and a step asks for the far side only (the user it leaves is the
 * neighbour behind), so each step costs one request. Offered only where the backend serves `adjacentUser`.
 */
export class AdjacentUsers implements ReactiveController {
  private readonly tasks: Record<AdjacentDirection, BackendTask<Neighbour | null, OrderArgs>>;
  /** The last step: on the user it went to, the user it left is the neighbour behind. */
  private step: { to: string; queryKey: string; direction: AdjacentDirection; from: Neighbour } | undefined;
  announcement = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AdjacentUsersOptions,
  ) {
    const sideTask = (direction: AdjacentDirection) =>
      new BackendTask<Neighbour | null, OrderArgs>(host, {
        operation: 'adjacentUser',
        args: () => {
          const order = this.order;
          return order && this.carried(direction, order) === undefined ? order : undefined;
        },
        argsEqual: (previous, next) => previous[0] === next[0] && previous[1] === next[1] && previous[3] === next[3],
        // Another user's neighbour would open the wrong profile: never shown while the new one loads.
        keepValue: () => false,
        task: ([backend, userId, query], { signal }) => backend.adjacentUser!(userId, query, direction, { signal }),
      });
    this.tasks = { previous: sideTask('previous'), next: sideTask('next') };
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  private get order(): OrderArgs | undefined {
    const backend = this.options.backend();
    const userId = this.options.userId();
    const query = this.options.listQuery();
    return backend?.adjacentUser && userId && query ? [backend, userId, query, JSON.stringify(query)] : undefined;
  }

  /** The neighbour a step to this user left behind, on that side. */
  private carried(direction: AdjacentDirection, order = this.order): Neighbour | undefined {
    const step = this.step;
    return order && step && step.to === order[1] && step.queryKey === order[3] && direction === opposite(step.direction)
      ? step.from
      : undefined;
  }

  /** undefined: not known yet; null: the list ends there. */
  private side(direction: AdjacentDirection): Side {
    const task = this.tasks[direction];
    return this.carried(direction) ?? (task.status === 'complete' ? task.value : undefined);
  }

  private go(direction: AdjacentDirection): void {
    const target = this.side(direction);
    const from = this.options.current();
    const order = this.order;
    if (!target || !from || !order) return;
    this.step = { to: target.id, queryKey: order[3], direction, from };
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
      const side = this.side(direction);
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
    for (const task of Object.values(this.tasks)) if (task.error) void task.run();
  };
}
