import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';

import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit';

import { failOnConsoleWarnings } from '../test-utils/apollo-test-context';
import {
  FULL_PATH,
  IID,
  issueResult,
  issueUpdatedResult,
  updateIssueResult,
} from '../test-utils/fixtures';
import {
  byTestId,
  inputOf,
  LOADED,
  mountLoaded,
  openEditor,
  PUSHED,
  save,
  sentInput,
  UNSEEN,
  type Mounted,
} from '../test-utils/issue-page';
import { REVIEW_FIRST } from './useIssueEdit';

failOnConsoleWarnings();

describe('editing the title and description', () => {
  it('edits both in place, previews the Markdown and saves them with updateIssue', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    expect(document.activeElement).toBe(inputOf(mounted, 'issue-title-input'));
    expect(inputOf(mounted, 'issue-title-input').value).toBe('Live assignees');
    expect(inputOf(mounted, 'issue-description-input').value).toBe('First line\nSecond line');
    // The heading stays for screen readers, visually replaced by the form.
    expect(byTestId(mounted, 'issue-title').classes()).toContain('while-editing');

    await byTestId(mounted, 'issue-title-input').setValue('Renamed');
    await byTestId(mounted, 'issue-description-input').setValue('**Bold** plan\n\n- [ ] task');
    await byTestId(mounted, 'description-tab-preview').trigger('click');
    expect(byTestId(mounted, 'description-tab-preview').attributes('aria-selected')).toBe('true');
    const preview = byTestId(mounted, 'description-preview');
    expect(preview.isVisible()).toBe(true);
    expect(preview.html()).toContain('<strong>Bold</strong>');
    expect(preview.find('input[type="checkbox"]').attributes()).toHaveProperty('disabled');

    await save(mounted);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      title: 'Renamed',
      description: '**Bold** plan\n\n- [ ] task',
      expectedUpdatedAt: LOADED, // based on the issue on screen
    });
    expect(byTestId(mounted, 'issue-save').attributes()).toHaveProperty('disabled');
    mounted.link.reply(
      'updateIssue',
      updateIssueResult({ title: 'Renamed', description: '**Bold** plan\n\n- [ ] task' }),
    );
    await flushPromises();
    expect(byTestId(mounted, 'issue-edit-form').exists()).toBe(false);
    expect(byTestId(mounted, 'issue-title').text()).toBe('Renamed');
    expect(byTestId(mounted, 'issue-description').find('strong').text()).toBe('Bold');
    expect(document.activeElement).toBe(byTestId(mounted, 'issue-edit').element);
  });

  it('sends only what was changed, and nothing when nothing was', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Only this');
    // Ctrl+Enter saves, as in GitLab's Markdown fields.
    await byTestId(mounted, 'issue-description-input').trigger('keydown', {
      key: 'Enter',
      ctrlKey: true,
    });
    await flushPromises();
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: 'Only this',
      expectedUpdatedAt: LOADED,
    });
    mounted.link.reply('updateIssue', updateIssueResult({ description: 'Only this' }));
    await flushPromises();

    await openEditor(mounted);
    await save(mounted);
    expect(mounted.link.all('updateIssue')).toHaveLength(1);
    expect(byTestId(mounted, 'issue-edit-form').exists()).toBe(false);
  });

  it('shows errors inline and keeps what was typed', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-title-input').setValue('   ');
    await save(mounted);
    expect(mounted.link.all('updateIssue')).toHaveLength(0);
    expect(byTestId(mounted, 'issue-edit-errors').text()).toBe("Title can't be blank");
    expect(byTestId(mounted, 'issue-title-input').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(inputOf(mounted, 'issue-title-input'));

    await byTestId(mounted, 'issue-title-input').setValue('x'.repeat(256));
    await save(mounted);
    mounted.link.reply(
      'updateIssue',
      updateIssueResult({}, ['Title is too long (maximum is 255 characters)']),
    );
    await flushPromises();
    expect(byTestId(mounted, 'issue-edit-errors').text()).toBe(
      'Title is too long (maximum is 255 characters)',
    );
    expect(inputOf(mounted, 'issue-title-input').value).toBe('x'.repeat(256));

    await byTestId(mounted, 'issue-cancel').trigger('click');
    await flushPromises();
    expect(byTestId(mounted, 'issue-title').text()).toBe('Live assignees');
    expect(document.activeElement).toBe(byTestId(mounted, 'issue-edit').element);
  });

  it("opens with GitLab's e shortcut, not while typing and not for readers", async () => {
    const mounted = await mountLoaded();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    await flushPromises();
    expect(byTestId(mounted, 'issue-edit-form').exists()).toBe(true);
    // An e typed in the form is text: the draft is not started again.
    await byTestId(mounted, 'issue-title-input').setValue('Mine');
    await byTestId(mounted, 'issue-title-input').trigger('keydown', { key: 'e' });
    expect(inputOf(mounted, 'issue-title-input').value).toBe('Mine');

    const reader = await mountLoaded({ canUpdate: false });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    await flushPromises();
    expect(byTestId(reader, 'issue-edit-form').exists()).toBe(false);
  });

  it('moves between Write and Preview with the arrow keys', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'description-tab-write').trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(document.activeElement).toBe(byTestId(mounted, 'description-tab-preview').element);
    expect(byTestId(mounted, 'description-preview').isVisible()).toBe(true);
    expect(byTestId(mounted, 'description-tab-write').attributes('tabindex')).toBe('-1');
  });

  it('is read-only for people who may not update the issue', async () => {
    const mounted = await mountLoaded({ description: '- [ ] one', canUpdate: false });
    expect(byTestId(mounted, 'issue-edit').exists()).toBe(false);
    expect(byTestId(mounted, 'issue-toggle-state').exists()).toBe(false);
    const box = byTestId(mounted, 'issue-description').get('input');
    expect(box.attributes()).toHaveProperty('disabled');
    expect(box.attributes('aria-label')).toBe('one');
  });
});

describe('someone else saves while you edit', () => {
  it('keeps your text, warns, and saves it only once you have seen theirs', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Mine');
    mounted.link.push('issueUpdated', issueUpdatedResult([], { description: 'Theirs' }));
    await flushPromises();

    expect(byTestId(mounted, 'concurrent-edit-warning').text()).toContain(
      'Someone edited the issue at the same time you did.',
    );
    expect(inputOf(mounted, 'issue-description-input').value).toBe('Mine');
    expect(byTestId(mounted, 'their-version').exists()).toBe(false);

    await save(mounted);
    expect(mounted.link.all('updateIssue')).toHaveLength(0);
    expect(byTestId(mounted, 'their-source').text()).toBe('Theirs');
    expect(byTestId(mounted, 'issue-edit-errors').text()).toBe(REVIEW_FIRST);

    await save(mounted);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: 'Mine',
      expectedUpdatedAt: PUSHED,
    });
  });

  it('asks again when they save once more after you looked', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Mine');
    mounted.link.push('issueUpdated', issueUpdatedResult([], { description: 'Theirs' }));
    await flushPromises();
    await byTestId(mounted, 'view-their-version').trigger('click');
    mounted.link.push(
      'issueUpdated',
      issueUpdatedResult([], { description: 'Theirs, again', updatedAt: '2025-01-01T00:02:00Z' }),
    );
    await flushPromises();
    expect(byTestId(mounted, 'their-source').text()).toBe('Theirs, again');
    await save(mounted);
    expect(mounted.link.all('updateIssue')).toHaveLength(0);
    expect(byTestId(mounted, 'issue-edit-errors').text()).toBe(REVIEW_FIRST);
  });

  it('follows their change of a field you did not touch, and never undoes it', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Mine');
    mounted.link.push('issueUpdated', issueUpdatedResult([], { title: 'Their title' }));
    await flushPromises();
    expect(inputOf(mounted, 'issue-title-input').value).toBe('Their title');
    expect(byTestId(mounted, 'concurrent-edit-warning').exists()).toBe(true);
    // No clash: the description is only yours, so it saves at once, without the title.
    await save(mounted);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: 'Mine',
      expectedUpdatedAt: PUSHED,
    });
  });

  it('keeps both descriptions when asked, and saves them together', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Mine\n');
    mounted.link.push('issueUpdated', issueUpdatedResult([], { description: 'Theirs' }));
    await flushPromises();
    await byTestId(mounted, 'view-their-version').trigger('click');
    await byTestId(mounted, 'add-their-description').trigger('click');
    expect(inputOf(mounted, 'issue-description-input').value).toBe('Mine\n\nTheirs');
    await save(mounted);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: 'Mine\n\nTheirs',
      expectedUpdatedAt: PUSHED,
    });
  });

  it('starts again from their version when you choose it', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-title-input').setValue('My title');
    mounted.link.push(
      'issueUpdated',
      issueUpdatedResult([], { title: 'Their title', description: 'Theirs' }),
    );
    await flushPromises();
    await byTestId(mounted, 'view-their-version').trigger('click');
    expect(byTestId(mounted, 'their-title').text()).toBe('Their title');
    await byTestId(mounted, 'take-their-version').trigger('click');
    expect(inputOf(mounted, 'issue-title-input').value).toBe('Their title');
    expect(inputOf(mounted, 'issue-description-input').value).toBe('Theirs');
    expect(byTestId(mounted, 'concurrent-edit-warning').exists()).toBe(false);
  });

  it('raises no warning for its own save coming back as a push', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-title-input').setValue('Mine');
    await save(mounted);
    mounted.link.push('issueUpdated', issueUpdatedResult([], { title: 'Mine' }));
    await flushPromises();
    expect(byTestId(mounted, 'concurrent-edit-warning').exists()).toBe(false);
  });
});

describe('a save refused because someone saved first (their push not here yet)', () => {
  /** Refuses the latest save as stale, and answers the page's fresh read with `issue`. */
  async function refuseStale(mounted: Mounted, issue: Parameters<typeof issueResult>[1]) {
    mounted.link.reply('updateIssue', updateIssueResult({}, [CONCURRENT_EDIT_MESSAGE]));
    await flushPromises();
    mounted.link.reply('issue', issueResult([], { updatedAt: UNSEEN, ...issue }));
    await flushPromises();
  }

  it('saves again on the new version when their change was elsewhere', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-title-input').setValue('Mine');
    await save(mounted);
    await refuseStale(mounted, {}); // e.g. they changed the labels: the text is as it was
    expect(mounted.link.all('updateIssue')).toHaveLength(2);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      title: 'Mine',
      expectedUpdatedAt: UNSEEN,
    });
    mounted.link.reply('updateIssue', updateIssueResult({ title: 'Mine' }));
    await flushPromises();
    expect(byTestId(mounted, 'issue-title').text()).toBe('Mine');
  });

  it('shows their version when saving would remove their change, and saves once seen', async () => {
    const mounted = await mountLoaded();
    await openEditor(mounted);
    await byTestId(mounted, 'issue-description-input').setValue('Mine');
    await save(mounted);
    await refuseStale(mounted, { description: 'Theirs' });
    expect(mounted.link.all('updateIssue')).toHaveLength(1);
    expect(byTestId(mounted, 'concurrent-edit-warning').exists()).toBe(true);
    expect(byTestId(mounted, 'their-source').text()).toBe('Theirs');
    expect(byTestId(mounted, 'issue-edit-errors').text()).toBe(CONCURRENT_EDIT_MESSAGE);
    expect(inputOf(mounted, 'issue-description-input').value).toBe('Mine');

    await save(mounted);
    expect(sentInput(mounted)).toEqual({
      projectPath: FULL_PATH,
      iid: IID,
      description: 'Mine',
      expectedUpdatedAt: UNSEEN,
    });
  });

  it('does not save a tick whose description changed meanwhile, and shows the new list', async () => {
    const mounted = await mountLoaded({ description: '- [ ] one\n- [ ] two' });
    await byTestId(mounted, 'issue-description').findAll('input')[0]?.setValue(true);
    await flushPromises();
    await refuseStale(mounted, { description: '- [ ] zero\n- [ ] one\n- [ ] two' });
    expect(mounted.link.all('updateIssue')).toHaveLength(1);
    const boxes = byTestId(mounted, 'issue-description').findAll('input');
    expect(boxes.map((box) => [box.attributes('aria-label'), box.element.checked])).toEqual([
      ['zero', false],
      ['one', false],
      ['two', false],
    ]);
    expect(byTestId(mounted, 'task-list-error').text()).toBe(CONCURRENT_EDIT_MESSAGE);
  });
});
