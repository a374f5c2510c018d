import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';

import type {
  CreateIssueMutation,
  CurrentUserQuery,
  NewIssueProjectQuery,
} from '@shared/graphql/generated/operations';

import {
  createApolloTestContext,
  failOnConsoleWarnings,
} from '../../test-utils/apollo-test-context';
import { FULL_PATH, projectMembersResult, user } from '../../test-utils/fixtures';
import { groupErrors } from './createIssueErrors';
import NewIssueView from './NewIssueView.vue';

failOnConsoleWarnings();
enableAutoUnmount(afterEach);

const NEW_PATH = `/${FULL_PATH}/-/issues/new`;
const Stub = { template: '<div />' };

function currentUserResult(username: string | null): { data: CurrentUserQuery } {
  return { data: { __typename: 'Query', currentUser: username ? user(username) : null } };
}

function projectResult(createIssue: boolean | null): { data: NewIssueProjectQuery } {
  return {
    data: {
      __typename: 'Query',
      project:
        createIssue === null
          ? null
          : {
              __typename: 'Project',
              id: 'gid://gitlab/Project/1',
              fullPath: FULL_PATH,
              name: 'GitLab Test',
              webUrl: `/${FULL_PATH}`,
              userPermissions: { __typename: 'ProjectPermissions', createIssue },
            },
    },
  };
}

function createdResult(errors: string[]): { data: CreateIssueMutation } {
  return {
    data: {
      __typename: 'Mutation',
      createIssue: {
        __typename: 'CreateIssuePayload',
        errors,
        issue: errors.length
          ? null
          : {
              __typename: 'Issue',
              id: 'gid://gitlab/Issue/77',
              iid: '42',
              title: 'Created',
              webUrl: `/${FULL_PATH}/-/issues/42`,
            },
      },
    },
  };
}

async function mountPage(username: string | null, createIssue: boolean | null) {
  const context = createApolloTestContext();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/:fullPath(.*)/-/issues/new',
        component: NewIssueView,
        props: { fullPath: FULL_PATH },
      },
      { path: '/:fullPath(.*)/-/issues/:iid(\\d+)', component: Stub },
      { path: '/:fullPath(.*)/-/issues', component: Stub },
      { path: '/users/sign_in', component: Stub },
    ],
  });
  await router.push(NEW_PATH);
  const wrapper = mount(NewIssueView, {
    props: { fullPath: FULL_PATH },
    global: { ...context.global, plugins: [router] },
  });
  context.link.reply('currentUser', currentUserResult(username));
  context.link.reply('newIssueProject', projectResult(createIssue));
  await flushPromises();
  return { wrapper, router, ...context };
}

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];

/** The error shown beside a control: the element its aria-describedby names. */
function errorOf(wrapper: Wrapper, selector: string): string {
  const described = wrapper.get(selector).attributes('aria-describedby');
  return described ? wrapper.get(`[id="${described}"]`).text() : '';
}

describe('the new issue page', () => {
  it('sends every field as one createIssue and opens the new issue', async () => {
    const { wrapper, link, router } = await mountPage('carol', true);
    await wrapper.get('[data-testid="issue-title-input"]').setValue('  A new bug ');
    await wrapper.get('[data-testid="issue-description-input"]').setValue('Steps:\n- [ ] one');
    await wrapper.get('[data-testid="issue-due-date-input"]').setValue('2031-03-04');
    await wrapper.get('[data-testid="issue-confidential-input"]').setValue(true);
    // Assignees come from the sidebar's own picker.
    await wrapper.get('[data-testid="issue-assignees-toggle"]').trigger('click');
    link.reply('projectMembers', projectMembersResult(['alice', 'bob']));
    await flushPromises();
    await wrapper.get('[data-testid="assignee-option"][data-username="bob"]').trigger('click');
    await wrapper.get('[data-testid="assignees-search"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.get('[data-testid="issue-assignees-toggle"]').text()).toBe('Bob');

    await wrapper.get('form').trigger('submit');
    expect(link.latest('createIssue').operation.variables).toEqual({
      input: {
        projectPath: FULL_PATH,
        title: '  A new bug ',
        description: 'Steps:\n- [ ] one',
        assigneeIds: ['gid://gitlab/User/3'],
        labelIds: [],
        milestoneId: null,
        dueDate: '2031-03-04',
        confidential: true,
      },
    });
    expect(wrapper.get('[data-testid="create-issue"]').attributes('disabled')).toBeDefined();
    link.reply('createIssue', createdResult([]));
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe(`/${FULL_PATH}/-/issues/42`);
  });

  it('refuses a blank title itself, beside the field, without a request', async () => {
    const { wrapper, link } = await mountPage('carol', true);
    await wrapper.get('[data-testid="issue-title-input"]').setValue('   ');
    await wrapper.get('form').trigger('submit');
    expect(link.all('createIssue')).toHaveLength(0);
    expect(errorOf(wrapper, '[data-testid="issue-title-input"]')).toBe("Title can't be blank");
    expect(wrapper.get('[data-testid="issue-title-input"]').attributes('aria-invalid')).toBe(
      'true',
    );
  });

  it("shows the server's errors beside their fields and keeps what was typed", async () => {
    const { wrapper, link, router } = await mountPage('carol', true);
    await wrapper.get('[data-testid="issue-title-input"]').setValue('Kept');
    await wrapper.get('form').trigger('submit');
    link.reply(
      'createIssue',
      createdResult([
        'Title is too long (maximum is 255 characters)',
        'Due date must be a date (YYYY-MM-DD)',
        'Cannot assign user 5 to a new issue in gitlab-org/gitlab-test',
        'Milestone not found: 4',
        'Something unexpected',
      ]),
    );
    await flushPromises();
    expect(errorOf(wrapper, '[data-testid="issue-title-input"]')).toMatch(/^Title is too long/);
    expect(errorOf(wrapper, '[data-testid="issue-due-date-input"]')).toMatch(/^Due date/);
    expect(errorOf(wrapper, '[data-testid="issue-assignees-toggle"]')).toMatch(/^Cannot assign/);
    expect(errorOf(wrapper, '[data-testid="issue-milestone-toggle"]')).toBe(
      'Milestone not found: 4',
    );
    expect(wrapper.get('[data-testid="new-issue-error"]').text()).toBe('Something unexpected');
    expect(
      (wrapper.get('[data-testid="issue-title-input"]').element as HTMLInputElement).value,
    ).toBe('Kept');
    expect(router.currentRoute.value.fullPath).toBe(NEW_PATH);
  });

  it('tells a member who may not create issues why, with no form', async () => {
    const { wrapper } = await mountPage('dave', false);
    expect(wrapper.get('[data-testid="new-issue-forbidden"]').text()).toContain(
      'needs the Reporter role',
    );
    expect(wrapper.find('form').exists()).toBe(false);
    expect(document.title).toBe('New Issue · GitLab Test · GitLab');
  });

  it("shows the app's 404 page for a project that is missing or hidden", async () => {
    const { wrapper } = await mountPage('erin', null);
    expect(wrapper.find('[data-testid="not-found"]').exists()).toBe(true);
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('sends an anonymous visitor to sign in, and back here afterwards', async () => {
    const { router } = await mountPage(null, false);
    expect(router.currentRoute.value.path).toBe('/users/sign_in');
    expect(router.currentRoute.value.query).toEqual({ redirect_to: NEW_PATH });
  });
});

describe('groupErrors', () => {
  it('puts each message beside the field it starts with, the rest on the form', () => {
    expect(
      groupErrors([
        "Title can't be blank",
        'Description is too long (maximum is 1048576 characters)',
        'Unknown user ids in assignee_ids: 9',
        'Labels not found: 3',
        'Too many labels: an issue may have at most 100',
        'Milestone not found: 4',
        'Due date must be a date (YYYY-MM-DD)',
        "The resource that you are attempting to access does not exist or you don't have permission to perform this action",
      ]),
    ).toEqual({
      title: ["Title can't be blank"],
      description: ['Description is too long (maximum is 1048576 characters)'],
      assignees: ['Unknown user ids in assignee_ids: 9'],
      labels: ['Labels not found: 3', 'Too many labels: an issue may have at most 100'],
      milestone: ['Milestone not found: 4'],
      dueDate: ['Due date must be a date (YYYY-MM-DD)'],
      form: [
        "The resource that you are attempting to access does not exist or you don't have permission to perform this action",
      ],
    });
  });
});
