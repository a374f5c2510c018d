import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './markdown';
import { toggleTask } from './taskList';

describe('toggleTask', () => {
  it.each([
    ['- [ ] a\n- [ ] b', 1, true, '- [ ] a\n- [x] b'],
    ['- [x] a', 0, false, '- [ ] a'],
    ['- [X] a', 0, false, '- [ ] a'],
    ['text\r\n\r\n* [ ] crlf\r\n', 2, true, 'text\r\n\r\n* [x] crlf\r\n'],
    ['a\r\r+ [ ] lone cr', 2, true, 'a\r\r+ [x] lone cr'],
    ['  12) [ ] numbered', 0, true, '  12) [x] numbered'],
    ['> - [ ] quoted', 0, true, '> - [x] quoted'],
    ['- [ ] a [ ] b', 0, true, '- [x] a [ ] b'],
  ])('%j: line %i ticked=%s gives %j', (source, line, checked, expected) => {
    expect(toggleTask(source, line, checked)).toBe(expected);
  });

  it.each([
    ['- [x] already ticked', 0, true],
    ['- [ ] already clear', 0, false],
    ['plain line', 0, true],
    ['- [ ] a', 5, true],
    ['[ ] not a list item', 0, true],
  ])('answers null for %j, line %i (nothing to save)', (source, line, checked) => {
    expect(toggleTask(source, line, checked)).toBeNull();
  });

  it('toggles exactly the task each rendered checkbox names', () => {
    const source = 'Plan\n\n- [ ] one\n- [x] two\n  - [ ] nested\n\n> 1. [ ] quoted\n';
    const states = (markdownSource: string) => {
      const container = document.createElement('div');
      container.innerHTML = renderMarkdown(markdownSource);
      return [...container.querySelectorAll<HTMLInputElement>('input')].map((box) => ({
        line: Number(box.dataset.line),
        checked: box.checked,
      }));
    };
    const before = states(source);
    for (const [index, box] of before.entries()) {
      const next = toggleTask(source, box.line, !box.checked);
      expect(next).not.toBeNull();
      expect(states(next ?? '')).toEqual(
        before.map((other, i) => (i === index ? { ...other, checked: !other.checked } : other)),
      );
    }
  });
});
