/** A viewer's key in the counts: `u:<user id>` for a signed-in user, `anon` for anonymous ones. */
export type ViewerField = `u:${number}` | 'anon';

export const ANONYMOUS_FIELD: ViewerField = 'anon';

export function viewerField(userId: number | null): ViewerField {
  return userId === null ? ANONYMOUS_FIELD : `u:${userId}`;
}

interface ConnectionView {
  readonly field: ViewerField;
  /** Live viewing subscriptions of this connection on the issue (a page may hold several). */
  subscriptions: number;
}

/**
 * The viewers of each issue in this process: cable connections with at least one live viewing
 * subscription on it. A connection counts once however many such subscriptions it holds, and
 * the counts are kept per field (a user with two tabs counts 2 under `u:<id>`; anonymous
 * connections add up under `anon`), so a store can add this process's changes as deltas.
 */
export class LocalViewers {
  private readonly issues = new Map<number, Map<string, ConnectionView>>();
  private readonly counts = new Map<number, Map<ViewerField, number>>();

  /** A subscription started; returns the field whose count went up, or null (same connection). */
  add(issueId: number, connectionId: string, userId: number | null): ViewerField | null {
    let connections = this.issues.get(issueId);
    if (!connections) {
      connections = new Map();
      this.issues.set(issueId, connections);
    }
    const view = connections.get(connectionId);
    if (view) {
      view.subscriptions += 1;
      return null;
    }
    const field = viewerField(userId);
    connections.set(connectionId, { field, subscriptions: 1 });
    this.bump(issueId, field, 1);
    return field;
  }

  /** A subscription ended; returns the field whose count went down, or null. */
  remove(issueId: number, connectionId: string): ViewerField | null {
    const connections = this.issues.get(issueId);
    const view = connections?.get(connectionId);
    if (!connections || !view) return null;
    view.subscriptions -= 1;
    if (view.subscriptions > 0) return null;
    connections.delete(connectionId);
    if (connections.size === 0) this.issues.delete(issueId);
    this.bump(issueId, view.field, -1);
    return view.field;
  }

  /** Issues with at least one viewer here. */
  issueIds(): number[] {
    return [...this.issues.keys()];
  }

  /** This process's counts for an issue (empty when nobody here views it). */
  countsOf(issueId: number): ReadonlyMap<ViewerField, number> {
    return this.counts.get(issueId) ?? new Map();
  }

  private bump(issueId: number, field: ViewerField, delta: number): void {
    let counts = this.counts.get(issueId);
    if (!counts) {
      counts = new Map();
      this.counts.set(issueId, counts);
    }
    const next = (counts.get(field) ?? 0) + delta;
    if (next > 0) counts.set(field, next);
    else counts.delete(field);
    if (counts.size === 0) this.counts.delete(issueId);
  }
}
