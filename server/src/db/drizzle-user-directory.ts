/** `UserDirectory` on Drizzle (PGlite and PostgreSQL). */
import { desc, eq, sql, type SQL } from 'drizzle-orm';

import type { DirectoryUser, UserDirectory, UserListQuery } from '../domain/user-directory.js';

import type { AppDatabase } from './database.js';
import { users } from './schema.js';

const columns = {
  id: users.id,
  username: users.username,
  name: users.name,
  state: users.state,
  admin: users.admin,
  email: users.email,
  createdAt: users.createdAt,
};

type Row = Omit<DirectoryUser, 'state'> & { state: string };

/** Whatever is not `active` may not sign in: reported as `blocked`, as accounts are. */
const toUser = (row: Row): DirectoryUser => ({
  ...row,
  state: row.state === 'active' ? 'active' : 'blocked',
});

export class DrizzleUserDirectory implements UserDirectory {
  constructor(private readonly db: AppDatabase) {}

  async list({ username, offset, limit }: UserListQuery): Promise<DirectoryUser[]> {
    const where: SQL | undefined =
      username === undefined ? undefined : sql`lower(${users.username}) = lower(${username})`;
    const rows = await this.db
      .select(columns)
      .from(users)
      .where(where)
      .orderBy(desc(users.id))
      .offset(offset)
      .limit(limit);
    return rows.map(toUser);
  }

  async find(id: number): Promise<DirectoryUser | null> {
    const [row] = await this.db.select(columns).from(users).where(eq(users.id, id));
    return row ? toUser(row) : null;
  }
}
