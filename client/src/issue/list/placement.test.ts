import { describe, expect, it } from 'vitest';

import type { IssueListFilters } from './filters';
import { item } from './list-fixtures';
import { placePush, sortsBefore, type ListView } from './placement';

const open: IssueListFilters = { state: 'opened', labels: [], assignee: null, milestone: null };
/** Rows #9, #8, #7 (newest first), more pages after them. */
const view = (patch: Partial<ListView> = {}): ListView => ({
  rows: [item(9), item(8), item(7)],
  hasNextPage: true,
  filters: open,
  atTop: true,
  ...patch,
});

describe('placePush', () => {
  it('leaves a row that is shown to the cache, even one that no longer matches', () => {
    expect(placePush(item(8, { title: 'Renamed' }), view())).toBe('shown');
    expect(placePush(item(8, { state: 'closed' }), view())).toBe('shown');
  });

  it('shows a new issue at once at the top while the reader is at the top', () => {
    expect(placePush(item(10), view())).toBe('insert');
    expect(placePush(item(10), view({ rows: [] }))).toBe('insert');
  });

  it('holds a new issue behind the notice while the reader is further down', () => {
    expect(placePush(item(10), view({ atTop: false }))).toBe('pending');
  });

  it('holds an issue that now matches among the loaded rows (inserting it would move them)', () => {
    const reopened = item(8, { title: 'between #9 and #7' });
    const rows = [item(9), item(7)];
    expect(placePush(reopened, view({ rows }))).toBe('pending');
    expect(placePush(reopened, view({ rows, atTop: false }))).toBe('pending');
  });

  it('leaves an issue after the loaded rows to a later page, or holds it when there is none', () => {
    expect(placePush(item(2), view())).toBe('ignore');
    expect(placePush(item(2), view({ hasNextPage: false }))).toBe('pending');
  });

  it('ignores an issue that does not match the filters (they hold while issues arrive)', () => {
    expect(placePush(item(10, { state: 'closed' }), view())).toBe('ignore');
    const bugs = { ...open, labels: ['bug'] };
    expect(placePush(item(10), view({ filters: bugs }))).toBe('ignore');
    expect(placePush(item(10, { labels: ['bug'] }), view({ filters: bugs }))).toBe('insert');
  });
});

describe('sortsBefore', () => {
  it('orders newest created first, ties by the larger id', () => {
    expect(sortsBefore(item(2), item(1))).toBe(true);
    expect(sortsBefore(item(1), item(2))).toBe(false);
    const at = '2025-03-01T00:00:00.000Z';
    expect(sortsBefore(item(12, { createdAt: at }), item(3, { createdAt: at }))).toBe(true);
    expect(sortsBefore(item(3, { createdAt: at }), item(12, { createdAt: at }))).toBe(false);
  });
});
