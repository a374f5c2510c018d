import type { IssuePatch } from './repository.js';

/** GitLab's bounds on an issue's text (`Issuable::TITLE_LENGTH_MAX`, `DESCRIPTION_LENGTH_MAX`). */
export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 1_048_576;

/** GitLab's `IssueStateEvent`: what a change asks of the issue's state. */
export type StateEvent = 'CLOSE' | 'REOPEN';

/** The title, description and state parts of an update (see IssueChanges). */
export interface TextChanges {
  /** Stripped of surrounding whitespace, then it must be non-blank and at most TITLE_MAX long. */
  title?: string;
  /** Markdown of at most DESCRIPTION_MAX characters; null (or empty) removes it. */
  description?: string | null;
  stateEvent?: StateEvent;
  /**
   * The issue's `updatedAt` the change was based on (optimistic locking, as GitLab's
   * `lock_version`): when the issue has moved on since, nothing is written.
   */
  expectedUpdatedAt?: Date;
}

/** Characters as GitLab (Ruby) counts them: code points, not UTF-16 units. */
function characters(text: string): number {
  // Code points never outnumber UTF-16 units: the cheap length decides most texts.
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

const tooLong = (text: string, max: number) => text.length > max && characters(text) > max;

/**
 * The errors of the text parts, found without reading anything, in GitLab's words. PostgreSQL's
 * text cannot hold U+0000: refused here rather than failing the write.
 */
export function textErrors(changes: TextChanges): string[] {
  const errors: string[] = [];
  const { title, description } = changes;
  if (title !== undefined) {
    const stripped = title.trim();
    if (stripped === '') errors.push("Title can't be blank");
    else if (tooLong(stripped, TITLE_MAX))
      errors.push(`Title is too long (maximum is ${TITLE_MAX} characters)`);
    else if (stripped.includes('\0')) errors.push('Title must not contain U+0000');
  }
  if (description != null) {
    if (tooLong(description, DESCRIPTION_MAX))
      errors.push(`Description is too long (maximum is ${DESCRIPTION_MAX} characters)`);
    else if (description.includes('\0')) errors.push('Description must not contain U+0000');
  }
  return errors;
}

/** What the text parts set (`textErrors` found none); a title is stored stripped. */
export function textPatch(
  changes: TextChanges,
): Pick<IssuePatch, 'title' | 'description' | 'state'> {
  const patch: Pick<IssuePatch, 'title' | 'description' | 'state'> = {};
  if (changes.title !== undefined) patch.title = changes.title.trim();
  if (changes.description !== undefined) patch.description = changes.description || null;
  if (changes.stateEvent) patch.state = changes.stateEvent === 'CLOSE' ? 'closed' : 'opened';
  return patch;
}
