import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  issueResult,
  issueUpdatedResult,
  namedUser,
} from '../../test-utils/fixtures';
import IssueView from '../../issue/IssueView.vue';

failOnConsoleWarnings();

const alice = namedUser('alice', 'Alice Liddell');
const bob = namedUser('bob', 'Bob Ross');
const bug = {
  __typename: 'Label' as const,
  id: 'gid://gitlab/ProjectLabel/1',
  title: 'bug',
  description: null,
  color: '#428bca',
  textColor: '#FFFFFF',
};

/** The issue page, signed in as `viewer`, showing an issue Bob changed 3 minutes ago. */
async function mountAs(viewer: typeof alice) {
  const context = createApolloTestContext();
  const wrapper = mount(IssueView, {
    props: { fullPath: FULL_PATH, iid: IID },
    global: context.global,
    attachTo: document.body,
  });
  context.link.reply(
    'issue',
    issueResult([], {
      updatedBy: bob,
      updatedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    }),
  );
  await flushPromises();
  context.link.reply('currentUser', { data: { __typename: 'Query', currentUser: viewer } });
  await flushPromises();
  return { wrapper, ...context };
}
type Mounted = Awaited<ReturnType<typeof mountAs>>;

/** A push of the issue after one change: `by` added the label "bug", nothing else changed. */
async function pushLabelAdded({ link }: Mounted, by: typeof alice) {
  const pushed = issueUpdatedResult([], { updatedBy: by, updatedAt: new Date().toISOString() });
  link.push('issueUpdated', {
    data: {
      ...pushed.data,
      issueUpdated: {
        ...pushed.data.issueUpdated!,
        labels: { __typename: 'LabelConnection', nodes: [bug] },
      },
    },
  });
  await flushPromises();
}

const hint = (wrapper: Mounted['wrapper'], widget: string) =>
  wrapper.find(`[data-testid="${widget}-changed-by"]`);

describe('"Changed by" hints on the field widgets', () => {
  it('names who changed the labels on the labels widget only', async () => {
    const mounted = await mountAs(bob);
    const { wrapper } = mounted;
    expect(wrapper.find('[data-testid="labels-block"]').text()).toContain('None');
    expect(hint(wrapper, 'labels').exists()).toBe(false);

    await pushLabelAdded(mounted, alice);

    expect(wrapper.get('[data-testid="labels-block"]').text()).toContain('bug');
    const line = hint(wrapper, 'labels');
    expect(line.text()).toMatch(/^Changed by Alice Liddell (just now|\d+ seconds? ago)$/);
    expect(line.get('time').attributes('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const other of ['milestone', 'due-date', 'confidentiality']) {
      expect(hint(wrapper, other).exists(), other).toBe(false);
    }
    wrapper.unmount();
  });

  it('shows nothing for the viewer’s own change', async () => {
    const mounted = await mountAs(alice);
    await pushLabelAdded(mounted, alice);
    const { wrapper } = mounted;
    expect(wrapper.get('[data-testid="labels-block"]').text()).toContain('bug');
    expect(hint(wrapper, 'labels').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows nothing when the push does not say who changed it', async () => {
    const mounted = await mountAs(bob);
    const pushed = issueUpdatedResult([], { updatedBy: null, updatedAt: new Date().toISOString() });
    mounted.link.push('issueUpdated', {
      data: {
        ...pushed.data,
        issueUpdated: { ...pushed.data.issueUpdated!, dueDate: '2030-01-02' },
      },
    });
    await flushPromises();
    expect(mounted.wrapper.get('[data-testid="due-date-value"]').text()).toContain('2030');
    expect(hint(mounted.wrapper, 'due-date').exists()).toBe(false);
    mounted.wrapper.unmount();
  });
});
