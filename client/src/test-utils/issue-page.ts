/** The issue page mounted for the tests of its main column (title, description, state). */
import { flushPromises, mount } from '@vue/test-utils';
import { onTestFinished } from 'vitest';

import IssueView from '../issue/IssueView.vue';
import { createApolloTestContext } from './apollo-test-context';
import { FULL_PATH, IID, issueResult } from './fixtures';

/** `updatedAt` of the loaded issue, and of a push (the fixtures' defaults). */
export const LOADED = '2025-01-01T00:00:00Z';
export const PUSHED = '2025-01-01T00:01:00Z';
/** Someone's save this page has not been told about yet. */
export const UNSEEN = '2025-01-01T00:03:00Z';

/** The issue page, loaded with the issue as `overrides` say, attached so focus is real. */
export async function mountLoaded(overrides: Parameters<typeof issueResult>[1] = {}) {
  const context = createApolloTestContext();
  const wrapper = mount(IssueView, {
    props: { fullPath: FULL_PATH, iid: IID },
    global: context.global,
    attachTo: document.body,
  });
  onTestFinished(() => wrapper.unmount());
  context.link.reply('issue', issueResult([], overrides));
  await flushPromises();
  return { wrapper, ...context };
}

export type Mounted = Awaited<ReturnType<typeof mountLoaded>>;
export const byTestId = (mounted: Mounted, id: string) =>
  mounted.wrapper.find(`[data-testid="${id}"]`);
export const inputOf = (mounted: Mounted, id: string) =>
  byTestId(mounted, id).element as HTMLInputElement | HTMLTextAreaElement;
export const sentInput = (mounted: Mounted) =>
  (mounted.link.latest('updateIssue').operation.variables as { input: Record<string, unknown> })
    .input;

export async function openEditor(mounted: Mounted) {
  await byTestId(mounted, 'issue-edit').trigger('click');
  await flushPromises();
}

export async function save(mounted: Mounted) {
  await byTestId(mounted, 'issue-edit-form').trigger('submit');
  await flushPromises();
}
