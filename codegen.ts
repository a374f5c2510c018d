import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates TypeScript from the one SDL in shared/graphql/schema.graphql:
 * - typed documents for every shared/graphql/documents/*.graphql (client and tests),
 * - resolver signatures for the server,
 * - possibleTypes for Apollo's cache (the `User` interface).
 * `npm run codegen:check` (part of `npm test`) fails when the output is stale.
 */
const scalars = {
  IssueID: 'string',
  IssuableID: 'string',
  UserID: 'string',
  ProjectID: 'string',
  LabelID: 'string',
  MilestoneID: 'string',
  Time: 'string',
  Date: 'string',
};

const config: CodegenConfig = {
  schema: 'shared/graphql/schema.graphql',
  documents: 'shared/graphql/documents/*.graphql',
  generates: {
    'shared/graphql/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars,
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        skipTypename: false,
        nonOptionalTypename: true,
      },
    },
    'shared/graphql/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
    'server/src/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        scalars,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#GraphQLContext',
        mappers: {
          Issue: '../../domain/types.js#IssueWithViewers',
          IssueConnection: '../resolvers/issue-list.js#IssuePage',
          IssueEdge: '../../domain/types.js#IssueRecord',
          IssueViewers: '../../domain/types.js#IssueViewersRecord',
          UserCore: '../../domain/types.js#UserRecord',
          User: '../../domain/types.js#UserRecord',
          Project: '../../domain/types.js#ProjectRecord',
          UserStatus: '../../domain/types.js#UserStatusRecord',
          Label: '../../domain/types.js#LabelRecord',
          Milestone: '../resolvers/milestone-node.js#MilestoneNode',
        },
      },
    },
  },
};

export default config;
