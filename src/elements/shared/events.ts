import type { KpiSelection } from './list-channel.js';
import type { ActivityRange } from '../../core/index.js';
import type {
  DisplayNameUpdate,
  DozorBackendError,
  IdentityFilter,
  SortDirection,
  TrackedUserListItem,
  UserSort,
} from '../../backend/index.js';
import type { UserStatus } from '../../core/index.js';

export interface DozorUserSelectDetail {
  userId: string;
  user: TrackedUserListItem;
}
export interface DozorSessionSelectDetail {
  sessionId: string;
  userId: string;
}
export interface DozorFiltersChangeDetail {
  search: string;
  projectIds: string[];
  statuses: UserStatus[];
  identity: IdentityFilter;
  sort: UserSort;
  sortDir: SortDirection;
}
export interface DozorRangeChangeDetail {
  range: ActivityRange;
}
export interface DozorDisplayNameChangeDetail {
  userId: string;
  /** What was changed: a user's name fields or a project's default trait key. */
  update: DisplayNameUpdate | { projectId: string; traitKey: string | null };
  displayName?: string;
}
/** The optimistic name while a display-name change is pending; null once it was rolled back. */
export interface DozorDisplayNamePendingDetail {
  userId: string;
  displayName: string | null;
}
/** The profile's "Back to users" (not-found state); the host navigates. */
export interface DozorBackDetail {
  userId: string;
}
/** The page distribution asks for more (or fewer) rows; the owner refetches with this limit. */
export interface DozorPageLimitChangeDetail {
  pageLimit: number;
}
/** A KPI card was chosen: the users-list filters it stands for (cancel to route yourself). */
export interface DozorKpiSelectDetail extends KpiSelection {}
export interface DozorErrorDetail {
  error: DozorBackendError;
  operation: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dozor-user-select': CustomEvent<DozorUserSelectDetail>;
    'dozor-session-select': CustomEvent<DozorSessionSelectDetail>;
    'dozor-filters-change': CustomEvent<DozorFiltersChangeDetail>;
    'dozor-range-change': CustomEvent<DozorRangeChangeDetail>;
    'dozor-display-name-change': CustomEvent<DozorDisplayNameChangeDetail>;
    'dozor-display-name-pending': CustomEvent<DozorDisplayNamePendingDetail>;
    'dozor-back': CustomEvent<DozorBackDetail>;
    'dozor-error': CustomEvent<DozorErrorDetail>;
    'dozor-kpi-select': CustomEvent<DozorKpiSelectDetail>;
    'dozor-refresh-request': CustomEvent<Record<string, never>>;
    'dozor-page-limit-change': CustomEvent<DozorPageLimitChangeDetail>;
  }
}
