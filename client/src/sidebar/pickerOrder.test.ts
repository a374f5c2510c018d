import { describe, expect, it } from 'vitest';

import { user } from '../test-utils/fixtures';
import { orderPickerUsers } from './pickerOrder';

const names = (users: { username: string }[]) => users.map((u) => u.username);

describe('orderPickerUsers', () => {
  it('puts selected users first, then the current user and the author, then the rest', () => {
    const ordered = orderPickerUsers({
      selected: [user('dave'), user('bob')],
      currentUser: user('carol'),
      author: user('root'),
      results: ['alice', 'bob', 'carol', 'dave', 'root'].map(user),
      search: '',
    });
    expect(names(ordered)).toEqual(['dave', 'bob', 'carol', 'root', 'alice']);
  });

  it('leaves out pinned users that do not match the search', () => {
    const ordered = orderPickerUsers({
      selected: [user('dave'), user('bob')],
      currentUser: user('carol'),
      author: user('root'),
      results: [user('bob')],
      search: 'bo',
    });
    expect(names(ordered)).toEqual(['bob']);
  });
});
