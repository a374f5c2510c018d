import { expect, test } from '../fixtures.js';

/** Presence (#21): people on one issue see each other in the sidebar, live. */
test.describe('who else is viewing', () => {
  test('two browsers see each other; closing one removes it within a second', async ({
    data,
    openAs,
  }) => {
    const [me, colleague] = [await data.user('developer', 'me'), await data.user('developer')];
    const issue = await data.issue({ title: 'Presence' });
    const mine = await openAs(me);
    const theirs = await openAs(colleague);
    await mine.open(issue.iid);
    await theirs.open(issue.iid);

    const seenByMe = mine.page.getByTestId('viewer-avatar');
    const seenByThem = theirs.page.getByTestId('viewer-avatar');
    await expect(seenByMe).toHaveAttribute('data-username', colleague.username);
    await expect(seenByThem).toHaveAttribute('data-username', me.username);
    await expect(seenByMe).toHaveCount(1); // not myself

    const anonymous = await openAs(null);
    await anonymous.open(issue.iid);
    await expect(mine.page.getByTestId('viewers-anonymous')).toHaveText('1 anonymous visitor');
    await expect(anonymous.page.getByTestId('viewer-avatar')).toHaveCount(2);

    const closedAt = Date.now();
    await theirs.page.context().close();
    await expect(seenByMe).toHaveCount(0, { timeout: 1_000 });
    test.info().annotations.push({
      type: 'presence leave',
      description: `${Date.now() - closedAt} ms from close to gone`,
    });
    await expect(mine.page.getByTestId('viewers-anonymous')).toHaveText('1 anonymous visitor');
  });
});
