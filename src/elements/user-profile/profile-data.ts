import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PAGE_DISTRIBUTION_INITIAL, type ActivityRange } from '../../core/index.js';
import type {
  BackendChange,
  DozorBackend,
  Page,
  SessionListItem,
  TrackedUserDetail,
  UserActivity,
  UserOnlineStatus,
  UserTimeline,
} from '../../backend/index.js';
import { BackendTask, type TaskState } from '../shared/backend-task.js';
import { LiveController } from '../shared/live-controller.js';

type Subject = readonly [backend: DozorBackend, userId: string];

export interface ProfileDataOptions {
  backend: () => DozorBackend | undefined;
  userId: () => string | undefined;
  range: () => ActivityRange;
  intervalMs: () => number;
  /** After each new user detail. */
  onDetail: () => void;
  /** Another user or backend: whatever the profile shows of the old one is dropped. */
  onSubjectChange: () => void;
}

/**
 * The profile's data: one task per block (detail, activity with the page distribution, timeline,
 * online status, sessions), each requested as soon as its inputs are known, none waiting for
 * another. A range change refetches the activity and the timeline only; another user or backend
 * drops every answer; a block the backend cannot serve is never asked for.
 */
export class ProfileData implements ReactiveController {
  /** How many page-distribution rows are asked for; back to the first page on a new range or user. */
  pageLimit = PAGE_DISTRIBUTION_INITIAL;
  readonly detail: BackendTask<TrackedUserDetail, Subject>;
  readonly activity: BackendTask<UserActivity, readonly [...Subject, ActivityRange, number]>;
  readonly timeline: BackendTask<UserTimeline, readonly [...Subject, ActivityRange]>;
  readonly status: BackendTask<UserOnlineStatus, Subject>;
  readonly sessions: BackendTask<Page<SessionListItem>, Subject>;
  private inputs: readonly [DozorBackend | undefined, string | undefined, ActivityRange] | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: ProfileDataOptions,
  ) {
    // Added before the tasks, so that a new range or user resets the page limit before they read it.
    host.addController(this);
    const subject = (block?: 'activity' | 'timeline' | 'status' | 'sessions'): Subject | undefined => {
      const backend = options.backend();
      const userId = options.userId();
      if (!backend || !userId) return undefined;
      const blocks = backend.capabilities.blocks;
      const served = block === undefined || (block === 'activity' ? blocks.activity || blocks.pageDistribution : blocks[block]);
      return served ? [backend, userId] : undefined;
    };
    const sameSubject = (a: readonly unknown[], b: readonly unknown[]) => a[0] === b[0] && a[1] === b[1];
    this.detail = new BackendTask(host, {
      operation: 'getUser',
      args: () => subject(),
      task: ([backend, userId], { signal }) => backend.getUser(userId, { signal }),
      keepValue: sameSubject,
      onComplete: () => options.onDetail(),
    });
    this.activity = new BackendTask(host, {
      operation: 'getActivity',
      args: () => {
        const served = subject('activity');
        return served && ([...served, options.range(), this.pageLimit] as const);
      },
      task: ([backend, userId, range, pageLimit], { signal }) => backend.getActivity(userId, { range, pageLimit }, { signal }),
      keepValue: sameSubject,
    });
    this.timeline = new BackendTask(host, {
      operation: 'getTimeline',
      args: () => {
        const served = subject('timeline');
        return served && ([...served, options.range()] as const);
      },
      task: ([backend, userId, range], { signal }) => backend.getTimeline(userId, { range }, { signal }),
      keepValue: sameSubject,
    });
    this.status = new BackendTask(host, {
      operation: 'getStatus',
      args: () => subject('status'),
      task: ([backend, userId], { signal }) => backend.getStatus(userId, { signal }),
      keepValue: sameSubject,
    });
    this.sessions = new BackendTask(host, {
      operation: 'listSessions',
      args: () => subject('sessions'),
      task: ([backend, userId], { signal }) => backend.listSessions(userId, {}, { signal }),
      keepValue: sameSubject,
    });
    new LiveController(host, {
      backend: options.backend,
      intervalMs: options.intervalMs,
      refresh: () => this.refresh(),
      relevant: (change: BackendChange) => {
        const userId = options.userId();
        return !change.userIds || (userId !== undefined && change.userIds.includes(userId));
      },
    });
  }

  get refreshing(): boolean {
    return this.tasks.some((task) => task.loading);
  }

  hostUpdate(): void {
    const next = [this.options.backend(), this.options.userId(), this.options.range()] as const;
    const previous = this.inputs;
    this.inputs = next;
    if (!previous) return;
    const subjectChanged = previous[0] !== next[0] || previous[1] !== next[1];
    if (subjectChanged || previous[2] !== next[2]) this.pageLimit = PAGE_DISTRIBUTION_INITIAL;
    if (subjectChanged) this.options.onSubjectChange();
  }

  /** Refetches every block (live refresh, refresh-now and retry do this). */
  refresh(): void {
    for (const task of this.tasks) void task.run();
  }

  /** More (or fewer) page-distribution rows: refetches the activity with that limit. */
  setPageLimit(pageLimit: number): void {
    if (pageLimit === this.pageLimit) return;
    this.pageLimit = pageLimit;
    this.host.requestUpdate();
  }

  private get tasks(): TaskState<unknown>[] {
    return [this.detail, this.activity, this.timeline, this.status, this.sessions];
  }
}
