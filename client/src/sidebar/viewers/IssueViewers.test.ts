import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { user } from '../../test-utils/fixtures';
import IssueViewers from './IssueViewers.vue';
import type { IssueViewersData } from './useIssueViewers';

const people = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    ...user(`user${index}`),
    id: `gid://gitlab/User/${100 + index}`,
  }));

function viewers(count: number, anonymousCount = 0): IssueViewersData {
  return {
    __typename: 'IssueViewers',
    anonymousCount,
    users: { __typename: 'UserCoreConnection', count, nodes: people(Math.min(count, 50)) },
  };
}

const mountWith = (data: IssueViewersData | null, currentUserId: string | null = null) =>
  mount(IssueViewers, { props: { viewers: data, currentUserId } });

const usernames = (wrapper: ReturnType<typeof mountWith>) =>
  wrapper.findAll('[data-testid="viewer-avatar"]').map((li) => li.attributes('data-username'));

describe('IssueViewers', () => {
  it('shows up to five avatars, then +N', () => {
    const wrapper = mountWith(viewers(8));
    expect(usernames(wrapper)).toEqual(['user0', 'user1', 'user2', 'user3', 'user4']);
    expect(wrapper.get('[data-testid="viewers-more"]').text()).toBe('+3');
  });

  it('counts users beyond the listed page in +N', () => {
    const wrapper = mountWith(viewers(120));
    expect(wrapper.get('[data-testid="viewers-more"]').text()).toBe('+115');
  });

  it('leaves the reader out, and shows nothing when no one else views it', () => {
    const wrapper = mountWith(viewers(2), 'gid://gitlab/User/100');
    expect(usernames(wrapper)).toEqual(['user1']);
    expect(wrapper.find('[data-testid="viewers-more"]').exists()).toBe(false);
    expect(mountWith(viewers(1), 'gid://gitlab/User/100').html()).not.toContain('issue-viewers');
  });

  it('counts anonymous visitors, without an anonymous reader', () => {
    expect(mountWith(viewers(0, 3)).get('[data-testid="viewers-anonymous"]').text()).toBe(
      '2 anonymous visitors',
    );
    const signedIn = mountWith(viewers(0, 1), 'gid://gitlab/User/999');
    expect(signedIn.get('[data-testid="viewers-anonymous"]').text()).toBe('1 anonymous visitor');
  });

  it('renders nothing while presence is off (null viewers)', () => {
    expect(mountWith(null).find('[data-testid="issue-viewers"]').exists()).toBe(false);
  });
});
