import { readFileSync } from 'node:fs';

import { buildSchema as buildFromSdl, type GraphQLSchema } from 'graphql';

import { paths } from '../paths.js';

import { attachResolvers } from './attach-resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { IssueConnection, IssueEdge } from './resolvers/issue-list.js';
import { Label, Milestone } from './resolvers/labels-milestones.js';
import { Issuable, Mutation, Query, Subscription } from './resolvers/root-fields.js';
import { Issue, IssueViewers, Project, User, UserCore, UserStatus } from './resolvers/types.js';
import { scalars } from './scalars.js';

/** The SDL is read from shared/, its single source (also used by codegen). */
const typeDefs = readFileSync(paths.schema, 'utf8');

const resolvers: Resolvers = {
  ...scalars,
  Query,
  Mutation,
  Subscription,
  Project,
  Issue,
  IssueConnection,
  IssueEdge,
  IssueViewers,
  Issuable,
  UserCore,
  User,
  UserStatus,
  Label,
  Milestone,
};

/** Builds the executable schema; resolvers missing for a type fail here, at start. */
export function buildSchema(): GraphQLSchema {
  return attachResolvers(buildFromSdl(typeDefs), resolvers);
}
