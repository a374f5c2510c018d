import { readFileSync } from 'node:fs';

import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';

import type { Resolvers } from './generated/resolvers-types.js';
import { Issuable, Mutation, Query, Subscription } from './resolvers/operations.js';
import { Issue, Project, User, UserCore, UserStatus } from './resolvers/types.js';
import { scalars } from './scalars.js';

/** The SDL is read from shared/, its single source (also used by codegen). */
const typeDefs = readFileSync(
  new URL('../../../shared/graphql/schema.graphql', import.meta.url),
  'utf8',
);

const resolvers: Resolvers = {
  ...scalars,
  Query,
  Mutation,
  Subscription,
  Project,
  Issue,
  Issuable,
  UserCore,
  User,
  UserStatus,
};

/** Builds the executable schema; resolvers missing for a type fail here, at start. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
