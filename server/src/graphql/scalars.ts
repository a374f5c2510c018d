import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

import { isCalendarDate } from '../domain/dates.js';
import { parseGlobalId, toGlobalId, type GlobalIdType } from '@shared/graphql/global-id.js';

/**
 * A GID scalar that accepts only `gid://gitlab/<type>/<n>`. Input is read in its canonical
 * spelling (`Issue/08` is `Issue/8`), so a subscription's topic names the same issue its
 * triggers name.
 */
function globalIdScalar(name: string, type: GlobalIdType): GraphQLScalarType<string, string> {
  const canonical = (value: unknown): string => {
    const id = typeof value === 'string' ? parseGlobalId(value, type) : null;
    if (id === null) {
      throw new GraphQLError(`${JSON.stringify(value)} is not a valid Global ID of type ${type}`);
    }
    return toGlobalId(type, id);
  };
  return new GraphQLScalarType<string, string>({
    name,
    serialize: canonical,
    parseValue: canonical,
    parseLiteral: (ast) => canonical(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/** GitLab's `LabelID`: a project label's GID; `gid://gitlab/Label/<n>` is read as the same label. */
function labelIdScalar(): GraphQLScalarType<string, string> {
  const scalar = globalIdScalar('LabelID', 'ProjectLabel');
  const read = (value: unknown) =>
    typeof value === 'string'
      ? value.replace(/^gid:\/\/gitlab\/Label\//, 'gid://gitlab/ProjectLabel/')
      : value;
  return new GraphQLScalarType<string, string>({
    name: 'LabelID',
    serialize: (value) => scalar.serialize(value),
    parseValue: (value) => scalar.parseValue(read(value)),
    parseLiteral: (ast) =>
      scalar.parseValue(read(ast.kind === Kind.STRING ? ast.value : undefined)),
  });
}

/** ISO 8601 timestamps; resolvers hand it Dates, or calendar dates as `YYYY-MM-DD` strings. */
const Time = new GraphQLScalarType<Date, string>({
  name: 'Time',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError('Time must be a Date');
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw new GraphQLError('Time must be an ISO 8601 string');
    return date;
  },
});

/** GitLab's `Date`: a calendar date that exists, `YYYY-MM-DD`. */
const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError('Date must be a YYYY-MM-DD string');
  },
  parseValue: (value) => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError(`${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isCalendarDate(ast.value)) return ast.value;
    throw new GraphQLError('Date must be a YYYY-MM-DD string');
  },
});

export const scalars = {
  Date: DateScalar,
  IssueID: globalIdScalar('IssueID', 'Issue'),
  IssuableID: globalIdScalar('IssuableID', 'Issue'),
  UserID: globalIdScalar('UserID', 'User'),
  ProjectID: globalIdScalar('ProjectID', 'Project'),
  LabelID: labelIdScalar(),
  MilestoneID: globalIdScalar('MilestoneID', 'Milestone'),
  Time,
};
