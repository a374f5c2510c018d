/** Line breaks as markdown-it counts them (it normalises `\r\n` and `\r` to `\n`). */
const LINE_BREAK = /(\r\n?|\n)/;
/** A list item's start (in blockquotes too) and its task mark: `- [ ]`, `1. [x]`, `> * [X]`. */
const TASK_LINE = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\]/;

/**
 * The Markdown source with the task on `line` (0-based, as the rendered checkbox says) ticked or
 * unticked, as GitLab rewrites `[ ]` ↔ `[x]` in place. Null when that line holds no task, or the
 * task already is as asked (someone else changed it meanwhile): nothing to save then.
 */
export function toggleTask(source: string, line: number, checked: boolean): string | null {
  const parts = source.split(LINE_BREAK); // lines at even indexes, their breaks between
  const text = parts[line * 2];
  const mark = text === undefined ? null : TASK_LINE.exec(text);
  if (!text || !mark || (mark[2] !== ' ') === checked) return null;
  parts[line * 2] = `${mark[1]}[${checked ? 'x' : ' '}]${text.slice(mark[0].length)}`;
  return parts.join('');
}
