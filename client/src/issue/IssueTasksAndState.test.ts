import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import { FULL_PATH, IID, issueUpdatedResult, updateIssueResult } from '../test-utils/fixtures';
import { byTestId, LOADED, mountLoaded, sentInput } from '../test-utils/issue-page';

failOnConsoleWarnings();

describe('task lists', () => {
  const description = '- [ ] one\n- [x] two';

  it('ticks a task for people who may edit: the line rewritten, the description saved', async () => {
    const mounted = await mountLoaded({ description });
    const boxes = () => byTestId(mounted, 'issue-description').findAll('input');
    expect(boxes().map((box) => [box.attributes('aria-label'), box.element.disabled])).toEqual([
      ['one', false],
      ['two', false],
    ]);
    await boxes()[0]?.setValue(true);
    await flushPromises();
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: '- [x] one\n- [x] two',
      expectedUpdatedAt: LOADED,
    });
    // Shown at once; no other tick until it is saved.
    expect(boxes().map((box) => [box.element.checked, box.element.disabled])).toEqual([
      [true, true],
      [true, true],
    ]);
    mounted.link.reply('updateIssue', updateIssueResult({ description: '- [x] one\n- [x] two' }));
    await flushPromises();
    expect(boxes().map((box) => [box.element.checked, box.element.disabled])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('rolls the tick back and says why when the save fails', async () => {
    const mounted = await mountLoaded({ description });
    await byTestId(mounted, 'issue-description').findAll('input')[1]?.setValue(false);
    await flushPromises();
    expect(sentInput(mounted)).toMatchObject({ description: '- [ ] one\n- [ ] two' });
    mounted.link.reply('updateIssue', updateIssueResult({}, ['Not allowed']));
    await flushPromises();
    const boxes = byTestId(mounted, 'issue-description').findAll('input');
    expect(boxes.map((box) => box.element.checked)).toEqual([false, true]);
    expect(byTestId(mounted, 'task-list-error').text()).toBe('Not allowed');
  });

  it('shows a task ticked elsewhere (a pushed description)', async () => {
    const mounted = await mountLoaded({ description });
    mounted.link.push(
      'issueUpdated',
      issueUpdatedResult([], { description: '- [x] one\n- [x] two' }),
    );
    await flushPromises();
    const boxes = byTestId(mounted, 'issue-description').findAll('input');
    expect(boxes.map((box) => box.element.checked)).toEqual([true, true]);
  });
});

describe('closing and reopening', () => {
  it('closes with stateEvent CLOSE; the badge and the button follow, and pushes too', async () => {
    const mounted = await mountLoaded();
    expect(byTestId(mounted, 'issue-toggle-state').text()).toBe('Close issue');
    await byTestId(mounted, 'issue-toggle-state').trigger('click');
    await flushPromises();
    expect(sentInput(mounted)).toEqual({ projectPath: FULL_PATH, iid: IID, stateEvent: 'CLOSE' });
    mounted.link.reply('updateIssue', updateIssueResult({ state: 'closed' }));
    await flushPromises();
    expect(byTestId(mounted, 'issue-state').text()).toBe('Closed');
    expect(byTestId(mounted, 'issue-toggle-state').text()).toBe('Reopen issue');

    mounted.link.push(
      'issueUpdated',
      issueUpdatedResult([], { state: 'opened', updatedAt: '2025-01-01T00:09:00Z' }),
    );
    await flushPromises();
    expect(byTestId(mounted, 'issue-state').text()).toBe('Open');
    expect(byTestId(mounted, 'issue-toggle-state').text()).toBe('Close issue');
  });

  it("says GitLab's words when it fails", async () => {
    const mounted = await mountLoaded({ state: 'closed' });
    await byTestId(mounted, 'issue-toggle-state').trigger('click');
    await flushPromises();
    expect(sentInput(mounted)).toMatchObject({ stateEvent: 'REOPEN' });
    mounted.link.fail('updateIssue', new Error('offline'));
    await flushPromises();
    expect(byTestId(mounted, 'issue-state-error').text()).toBe(
      'Error occurred while updating the issue status',
    );
    expect(byTestId(mounted, 'issue-state').text()).toBe('Closed');
  });
});
