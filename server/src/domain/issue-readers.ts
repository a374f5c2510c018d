import type { IssueField } from './repository.js';
import type { IssueRecord } from './types.js';

/**
 * Whether a committed change may have taken the issue away from someone who could read it: it
 * became confidential, or a confidential issue's assignees changed (an assignee who is no
 * reporter reads it only while assigned). Lists that showed it must then reload, since the
 * people who lost it are sent nothing of it.
 */
export function narrowsReaders(issue: IssueRecord, changed: readonly IssueField[]): boolean {
  return (
    issue.confidential && (changed.includes('confidential') || changed.includes('assigneeIds'))
  );
}
