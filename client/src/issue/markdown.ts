import DOMPurify from 'dompurify';
import MarkdownIt, { type StateCore } from 'markdown-it';

// Raw HTML in the source is escaped by markdown-it (html: false); DOMPurify then removes
// anything unsafe the renderer could still produce (e.g. `javascript:` links slipping through).
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

// Links in user content open normally but never pass the page as referrer/opener.
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, index, options, env, self);
};

/** A task's checkbox: where its `[ ]` is in the source, whether it is ticked, and its text. */
interface TaskMeta {
  line: number;
  checked: boolean;
  label: string;
}

const TASK_MARK = /^\[([ xX])\][ \t]/;

/**
 * Task list items (`- [ ] text`, GitLab's task lists): the list item gets `task-list-item`, and a
 * checkbox token carrying the item's first source line (markdown-it's `map`, after its newline
 * normalisation) replaces the mark. Runs after inline parsing, on the joined text tokens.
 */
function taskLists(state: StateCore): void {
  const { tokens } = state;
  for (let i = 2; i < tokens.length; i++) {
    const [item, paragraph, inline] = [tokens[i - 2], tokens[i - 1], tokens[i]];
    if (inline?.type !== 'inline' || paragraph?.type !== 'paragraph_open') continue;
    if (item?.type !== 'list_item_open' || !item.map) continue;
    const first = inline.children?.[0];
    const mark = first?.type === 'text' ? TASK_MARK.exec(first.content) : null;
    if (!first || !mark || !inline.children) continue;
    first.content = first.content.slice(mark[0].length);
    item.attrJoin('class', 'task-list-item');
    const box = new state.Token('task_checkbox', 'input', 0);
    const label = inline.children
      .map((child) => (child.type === 'softbreak' ? ' ' : child.content))
      .join('')
      .trim();
    box.meta = { line: item.map[0], checked: mark[1] !== ' ', label } satisfies TaskMeta;
    inline.children.unshift(box);
  }
}
markdown.core.ruler.push('task_lists', taskLists);

/** What a render needs to know: whether the viewer may tick the tasks. */
interface RenderEnv {
  interactive?: boolean;
}

const isInteractive = (env: unknown) => (env as RenderEnv | undefined)?.interactive === true;

// Each checkbox is named by its task's text (axe: a form field needs a label), and says which
// source line it toggles; people who may not edit get it disabled.
markdown.renderer.rules.task_checkbox = (tokens, index, _options, env) => {
  const { line, checked, label } = tokens[index]?.meta as unknown as TaskMeta;
  const name = markdown.utils.escapeHtml((label || 'Task').slice(0, 200));
  return (
    `<input type="checkbox" class="task-list-item-checkbox" data-line="${line}" ` +
    `aria-label="${name}"${checked ? ' checked' : ''}${isInteractive(env) ? '' : ' disabled'}> `
  );
};

/**
 * Renders user Markdown to HTML that is safe to put into the page with `v-html`. Task list
 * checkboxes are enabled when `interactive` (see `toggleTask` for what a tick changes).
 */
export function renderMarkdown(source: string, options: RenderEnv = {}): string {
  return DOMPurify.sanitize(markdown.render(source, { interactive: options.interactive }), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'iframe'],
  });
}
