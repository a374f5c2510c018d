import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

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

// Task list items ("- [ ] x") are shown as disabled checkboxes, as GitLab renders them.
function taskLists(html: string): string {
  return html.replace(
    /<li>\[( |x|X)\] /g,
    (_match, mark: string) =>
      `<li class="task-list-item"><input type="checkbox" disabled${mark === ' ' ? '' : ' checked'}> `,
  );
}

/** Renders user Markdown to HTML that is safe to put into the page with `v-html`. */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(taskLists(markdown.render(source)), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'iframe'],
  });
}
