import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders GitLab-flavoured basics: emphasis, code, lists, task lists', () => {
    const html = renderMarkdown('Hello **world** and `code`\n\n- [ ] todo\n- [x] done\n- plain');
    expect(html).toContain('<strong>world</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toMatch(/<li class="task-list-item"><input [^>]*disabled=""[^>]*> todo/);
    expect(html).toMatch(/<input[^>]*checked[^>]*> done/);
    expect(html).toContain('<li>plain</li>');
  });

  it('labels every task checkbox with its text and names the source line it toggles', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown(
      'Intro\n\n- [ ] subscribe to `issuableTitleUpdated`\n- [x] **bold** <b>raw</b>\n  - [ ] nested\n\n> 1. [ ] quoted\n\n```\n- [ ] in code\n```\n- [ ]',
    );
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(
      boxes.map((box) => [box.getAttribute('aria-label'), box.dataset.line, box.checked]),
    ).toEqual([
      ['subscribe to issuableTitleUpdated', '2', false],
      ['bold <b>raw</b>', '3', true],
      ['nested', '4', false],
      ['quoted', '6', false],
    ]);
    expect(boxes.every((box) => box.disabled)).toBe(true);
    expect(container.querySelector('pre')?.textContent).toBe('- [ ] in code\n');
  });

  it('enables the checkboxes only when asked (people who may edit)', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown('- [ ] a\n- [x] b', { interactive: true });
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input')];
    expect(boxes.map((box) => box.disabled)).toEqual([false, false]);
  });

  it('escapes a task text in its label', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown('- [ ] "><img src=x onerror=alert(1)>');
    expect(container.querySelector('img, [onerror]')).toBeNull();
    expect(container.querySelector('input')?.getAttribute('aria-label')).toBe(
      '"><img src=x onerror=alert(1)>',
    );
  });

  it('never lets scripts through', () => {
    const sources = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '![x](x" onerror="alert(1))',
      '<iframe src="https://evil.example"></iframe>',
    ];
    for (const source of sources) {
      const container = document.createElement('div');
      container.innerHTML = renderMarkdown(source);
      expect(container.querySelector('script, iframe, [onerror]')).toBeNull();
      for (const link of container.querySelectorAll('a')) {
        expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
      }
    }
  });

  it('keeps safe links and marks them noopener', () => {
    const html = renderMarkdown('[docs](https://docs.gitlab.com)');
    expect(html).toContain('href="https://docs.gitlab.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});
