import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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

/** ISO 8601 timestamps; resolvers hand it Dates. */
const Time = new GraphQLScalarType<Date, string>({
  name: 'Time',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('Time must be a Date');
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw new GraphQLError('Time must be an ISO 8601 string');
    return date;
  },
});

export const scalars = {
  IssueID: globalIdScalar('IssueID', 'Issue'),
  IssuableID: globalIdScalar('IssuableID', 'Issue'),
  UserID: globalIdScalar('UserID', 'User'),
  ProjectID: globalIdScalar('ProjectID', 'Project'),
  Time,
};
