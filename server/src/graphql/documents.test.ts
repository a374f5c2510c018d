import { readdirSync, readFileSync } from 'node:fs';

import {
  Kind,
  parse,
  separateOperations,
  validate,
  type DefinitionNode,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { gitlabOperationFiles, loadGitlabDocument } from '../../test/gitlab-documents.js';

import { buildSchema } from './schema.js';

const schema = buildSchema();
const sharedFolder = new URL('../../../shared/graphql/documents/', import.meta.url);

/** Every shared document's operations, each with the fragments it uses (as codegen sees them). */
function sharedOperations(): [string, DocumentNode][] {
  const definitions: DefinitionNode[] = readdirSync(sharedFolder)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(new URL(file, sharedFolder), 'utf8')).definitions);
  return Object.entries(separateOperations({ kind: Kind.DOCUMENT, definitions }));
}

const messages = (document: DocumentNode) => validate(schema, document).map((e) => e.message);

describe('documents validate against the schema', () => {
  const shared = sharedOperations();

  it('finds every shared operation', () => {
    expect(shared.map(([name]) => name).sort()).toEqual([
      'createIssue',
      'currentUser',
      'issuableAssigneesUpdated',
      'issuableViewersUpdated',
      'issue',
      'issueSetAssignees',
      'issueUpdated',
      'newIssueProject',
      'projectIssueCounts',
      'projectIssueMilestoneMutation',
      'projectIssues',
      'projectIssuesUpdated',
      'projectLabels',
      'projectMembers',
      'projectMilestones',
      'updateIssue',
      'updateIssueConfidential',
      'updateIssueDueDate',
      'updateIssueLabels',
      'userProfile',
    ]);
  });

  it.each(shared)('shared/graphql/documents: %s', (_name, document) => {
    expect(messages(document)).toEqual([]);
  });

  it.each(gitlabOperationFiles())('GitLab-shaped document %s', (file) => {
    expect(messages(loadGitlabDocument(file))).toEqual([]);
  });

  it('still rejects what the schema does not have (the check can fail)', () => {
    expect(messages(parse('{ currentUser { zzz } }'))).toEqual([
      'Cannot query field "zzz" on type "UserCore".',
    ]);
    expect(messages(parse('{ currentUser { id @unknown } }'))).toEqual([
      'Unknown directive "@unknown".',
    ]);
  });
});
