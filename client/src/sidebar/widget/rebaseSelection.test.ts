import { describe, expect, it } from 'vitest';

import { rebaseSelection } from './rebaseSelection';

const same = (item: string) => item;

describe('rebaseSelection', () => {
  it('replays additions and removals on a newer selection, keeping what others added', () => {
    // I changed [bob] into [bob, alice]; meanwhile someone made it [bob, carol].
    expect(rebaseSelection(['bob'], ['bob', 'alice'], ['bob', 'carol'], same)).toEqual([
      'bob',
      'carol',
      'alice',
    ]);
    // I removed bob; meanwhile someone added dave.
    expect(rebaseSelection(['bob'], [], ['bob', 'dave'], same)).toEqual(['dave']);
  });

  it('does not re-add what someone else removed unless the change added it', () => {
    expect(rebaseSelection(['bob', 'carol'], ['bob', 'carol', 'alice'], ['bob'], same)).toEqual([
      'bob',
      'alice',
    ]);
  });

  it('answers the newer selection unchanged for an empty change, without duplicates', () => {
    expect(rebaseSelection(['a'], ['a'], ['b'], same)).toEqual(['b']);
    expect(rebaseSelection([], ['a'], ['a'], same)).toEqual(['a']);
  });
});
