/** The shapes of Ductape's session-user calls (seed 002), as the adapter expects its client to answer. */

/** Ductape's SDK may hand times over as ISO strings, epoch milliseconds or `Date` objects. */
export type DuctapeTimestamp = string | number | Date;

/** `ISessionUser`: one user of a product's session. */
export interface DuctapeSessionUser {
  _id?: string;
  ductape_user_id?: string;
  product_tag?: string;
  session_tag?: string;
  /** The user's identifier from the session selector (often an email); what details are looked up by. */
  identifier: string;
  env?: string;
  first_seen?: DuctapeTimestamp;
  last_seen?: DuctapeTimestamp | null;
  createdAt?: DuctapeTimestamp;
  updatedAt?: DuctapeTimestamp;
}

export interface DuctapeFetchUsersArgs {
  product: string;
  session: string;
  env?: string;
  page?: number;
  limit?: number;
}

export interface DuctapeUsersPage {
  users: DuctapeSessionUser[];
  total: number;
  page?: number;
  limit?: number;
  totalPages: number;
}

export interface DuctapeFetchUserDetailsArgs {
  product: string;
  session: string;
  identifier: string;
  env?: string;
}

/** `IUserSessionInfo`: one session of a user; `end_at` is when it expires, not when the user left. */
export interface DuctapeUserSessionInfo {
  session_id: string;
  start_at: DuctapeTimestamp;
  end_at?: DuctapeTimestamp | null;
  active: boolean;
}

export interface DuctapeUserDetails extends DuctapeSessionUser {
  sessions: DuctapeUserSessionInfo[];
  totalSessions: number;
  activeSessionsCount: number;
}

/** The part of Ductape's SDK this adapter calls (e.g. `{ sessions }` from the SDK). */
export interface DuctapeSessionsClient {
  sessions: {
    fetchUsers(args: DuctapeFetchUsersArgs): Promise<DuctapeUsersPage>;
    fetchUserDetails(args: DuctapeFetchUserDetailsArgs): Promise<DuctapeUserDetails>;
  };
}
