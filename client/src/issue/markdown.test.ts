import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders GitLab-flavoured basics: emphasis, code, lists, task lists', () => {
    const html = renderMarkdown('Hello **world** and `code`\n\n- [ ] todo\n- [x] done\n- plain');
    expect(html).toContain('<strong>world</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled=""> todo');
    expect(html).toMatch(/<input[^>]*checked[^>]*> done/);
    expect(html).toContain('<li>plain</li>');
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
