/** The fields of the new issue form an error can be shown beside; `form` is above the buttons. */
export type IssueFormField =
  'title' | 'description' | 'assignees' | 'labels' | 'milestone' | 'dueDate' | 'form';

export type IssueFormErrors = Partial<Record<IssueFormField, string[]>>;

/**
 * `createIssue` answers errors as sentences that start with the field they are about, as
 * GitLab's do ("Title can't be blank", "Milestone not found: 4"); assignee errors name
 * `assign`. Anything else is shown for the whole form.
 */
const RULES: [RegExp, IssueFormField][] = [
  [/^title\b/i, 'title'],
  [/^description\b/i, 'description'],
  [/assign/i, 'assignees'],
  [/^(too many )?labels?\b/i, 'labels'],
  [/^milestone\b/i, 'milestone'],
  [/^due date\b/i, 'dueDate'],
];

export function fieldOf(message: string): IssueFormField {
  return RULES.find(([pattern]) => pattern.test(message))?.[1] ?? 'form';
}

/** The messages grouped by the field they belong beside, in the order they came. */
export function groupErrors(messages: readonly string[]): IssueFormErrors {
  const grouped: IssueFormErrors = {};
  for (const message of messages) (grouped[fieldOf(message)] ??= []).push(message);
  return grouped;
}
