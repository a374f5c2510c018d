import type { UserState } from './identity.js';
import type { UserRecord } from './types.js';

/** A user as GitLab's users API describes them; `email` is for administrators' eyes only. */
export interface DirectoryUser extends UserRecord {
  state: UserState;
  admin: boolean;
  /** Null for accounts made before emails were stored. */
  email: string | null;
  createdAt: Date;
}

export interface UserListQuery {
  /** Exact username, compared case-insensitively (GitLab's `username` filter). */
  username?: string;
  offset: number;
  limit: number;
}

/** Reading users for `GET /api/v4/users` and `GET /api/v4/users/:id`. */
export interface UserDirectory {
  /** One page of users, newest first (GitLab's default order: id descending). */
  list(query: UserListQuery): Promise<DirectoryUser[]>;
  find(id: number): Promise<DirectoryUser | null>;
}
