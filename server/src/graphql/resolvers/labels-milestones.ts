import { parseGlobalId, toGlobalId } from '@shared/graphql/global-id.js';

import { labelTextColor } from '../../domain/labels.js';
import type { LabelResolvers, MilestoneResolvers } from '../generated/resolvers-types.js';

import { todayUtc } from './milestone-node.js';

/** Field resolvers of GitLab's `Label` and `Milestone`. */
export const Label: LabelResolvers = {
  id: (label) => toGlobalId('ProjectLabel', label.id),
  textColor: (label) => labelTextColor(label.color),
};

export const Milestone: MilestoneResolvers = {
  id: (milestone) => toGlobalId('Milestone', milestone.id),
  webPath: (milestone) => `/${milestone.projectFullPath}/-/milestones/${milestone.id}`,
  expired: (milestone) => milestone.dueDate !== null && milestone.dueDate < todayUtc(),
  upcoming: (milestone) => milestone.startDate !== null && milestone.startDate > todayUtc(),
};

/**
 * A label or milestone id as GitLab's mutations take it: a global ID (`gid://gitlab/ProjectLabel/3`,
 * also `Label/3`) or the plain number. Null for anything else.
 */
export function parseRecordId(value: string, type: 'ProjectLabel' | 'Milestone'): number | null {
  if (/^\d{1,9}$/.test(value)) return Number(value) > 0 ? Number(value) : null;
  // GitLab names a project's labels `ProjectLabel`; the plain `Label` is accepted too.
  const gid =
    type === 'ProjectLabel'
      ? value.replace(/^gid:\/\/gitlab\/Label\//, 'gid://gitlab/ProjectLabel/')
      : value;
  return parseGlobalId(gid, type);
}

/** Ids of a list, or the error naming the values that are no ids. */
export function parseRecordIds(
  values: readonly string[] | null | undefined,
  type: 'ProjectLabel' | 'Milestone',
): { ids?: number[]; error?: string } {
  if (values == null) return {};
  const ids = values.map((value) => parseRecordId(value, type));
  const bad = values.filter((_value, i) => ids[i] === null);
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).map((value) => JSON.stringify(value.slice(0, 60)));
    return {
      error: `Not a ${type === 'ProjectLabel' ? 'label' : 'milestone'} ID: ${shown.join(', ')}`,
    };
  }
  return { ids: ids as number[] };
}
