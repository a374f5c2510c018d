import { describe, expect, it } from 'vitest';

import { labelSetKey, scopeOf, toggleLabel } from './scopedLabels';

const label = (id: number, title: string) => ({ id: `gid://gitlab/ProjectLabel/${id}`, title });
const bug = label(1, 'bug');
const high = label(5, 'priority::high');
const low = label(6, 'priority::low');
const inDev = label(7, 'workflow::in dev');
const nested = label(9, 'team::a::b');

describe('scoped labels', () => {
  it('reads the scope up to the last "::"', () => {
    expect(scopeOf('bug')).toBeNull();
    expect(scopeOf('priority::high')).toBe('priority');
    expect(scopeOf('team::a::b')).toBe('team::a');
    expect(scopeOf('::odd')).toBeNull();
  });

  it('adds and removes plain labels', () => {
    expect(toggleLabel([], bug)).toEqual([bug]);
    expect(toggleLabel([bug, high], bug)).toEqual([high]);
  });

  it('replaces the selected label of the same scope, keeping other scopes', () => {
    expect(toggleLabel([bug, high, inDev], low)).toEqual([bug, inDev, low]);
    expect(toggleLabel([high], high)).toEqual([]);
    expect(toggleLabel([label(10, 'team::a::c')], nested)).toEqual([nested]);
    expect(toggleLabel([label(11, 'team::x')], nested)).toHaveLength(2);
  });

  it('compares sets regardless of order', () => {
    expect(labelSetKey([high, bug])).toBe(labelSetKey([bug, high]));
    expect(labelSetKey([bug])).not.toBe(labelSetKey([bug, high]));
  });
});
