/**
 * What the server and its embedded database process say to each other (over the IPC channel
 * of `fork`), and the settings both sides share.
 */

/** The process's argument: serve a data directory (null: in memory), or initdb one. */
export type DatabaseProcessRequest =
  { mode: 'serve'; dataDir: string | null } | { mode: 'initdb'; dataDir: string };

/** Messages from the database process. */
export type FromDatabaseProcess =
  { type: 'ready'; socketDir: string } | { type: 'failed'; message: string };

/** Messages to the database process. */
export type ToDatabaseProcess = { type: 'stop' };

/** PostgreSQL's name for its Unix socket in a directory, so `psql -h <dir>` finds it too. */
export const SOCKET_PORT = 5432;
export const SOCKET_FILE = `.s.PGSQL.${SOCKET_PORT}`;

/**
 * PGlite writes these into the data directory's postgresql.conf at every start. The defaults
 * are sized for a server with many backends; this one has one session and a database of a few
 * MB. `shared_buffers` 128MB → 16MB took an opened directory from about 300 to 180 MB RSS, and
 * 16MB → 8MB about 9 MB more (measured; scripts/measure-idle-memory.ts).
 */
export const POSTGRESQL_CONF = ['shared_buffers=8MB'];
