/**
 * graphql-ruby's topic and stream names (`Subscriptions::Event.serialize`), kept identical so
 * the format is documented, stable and interoperable:
 *   topicFor('issueUpdated', { issueId: 'gid://gitlab/Issue/1' }) === ':issueUpdated:issueId:gid://gitlab/Issue/1'
 */

/** `[scope]:<field>:<k>:<v>…` with keys sorted at every level; no scope → leading `:`. */
export function topicFor(
  field: string,
  args: Readonly<Record<string, unknown>>,
  scope = '',
): string {
  return [scope, field, serialize(args)].join(':');
}

/** The pub/sub stream a topic's events travel on. */
export function eventStream(topic: string, namespace = ''): string {
  return `graphql-event:${namespace}${topic}`;
}

function serialize(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(serialize).join(':');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .map((key) => `${key}:${serialize((value as Record<string, unknown>)[key])}`)
      .join(':');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return ''; // functions and symbols never come out of argument coercion
}
