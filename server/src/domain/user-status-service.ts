import { gemoji } from 'gemoji';
import type { Logger } from 'pino';

import type { IssueEvents } from './issue-update-service.js';
import type { Availability, IssueRecord, UserStatusRecord } from './types.js';

/** Storage of user statuses. */
export interface UserStatusRepository {
  /** The user's status, or null when none is set. */
  find(userId: number): Promise<UserStatusRecord | null>;
  /** Writes the status (null deletes it) and returns it as stored. */
  save(userId: number, status: UserStatusRecord | null): Promise<UserStatusRecord | null>;
  /**
   * The issues the user is assigned to, most recently updated first, at most `limit`, and
   * how many there are in all (loaded as issue records, in one statement).
   */
  issuesAssignedTo(
    userId: number,
    limit: number,
  ): Promise<{ issues: IssueRecord[]; total: number }>;
}

/** What `PUT /api/v4/user/status` sends; a missing or blank field is null. */
export interface StatusInput {
  availability?: unknown;
  message?: unknown;
  emoji?: unknown;
}

export type StatusResult =
  | { kind: 'saved'; status: UserStatusRecord | null }
  | { kind: 'invalid'; errors: Record<string, string[]> };

/** GitLab's defaults and limits (app/models/user_status.rb). */
export const DEFAULT_EMOJI = 'speech_balloon';
export const MAX_MESSAGE_LENGTH = 100;
const AVAILABILITIES: readonly Availability[] = ['not_set', 'busy'];
const EMOJI_NAMES = new Set(gemoji.flatMap((entry) => entry.names));

/**
 * Pushes after one status change go to at most this many of the user's assigned issues (the
 * most recently updated): one change must not fan out to an unbounded number of topics.
 * Viewers of older issues see the new status on their next load.
 */
export const MAX_ISSUES_PUSHED_PER_STATUS_CHANGE = 50;

/**
 * Setting a user's status (GitLab's `Users::SetStatusService`): all fields blank removes the
 * status; otherwise a blank emoji becomes `speech_balloon` and a blank availability keeps the
 * current one. After the write, every issue the user is assigned to (up to a bound) is pushed
 * as `issueUpdated` and as `issuableAssigneesUpdated` (what GitLab's own sidebar subscribes
 * to), so both kinds of sidebar show the "Busy" marker live.
 */
export class UserStatusService {
  constructor(
    private readonly repository: UserStatusRepository,
    private readonly events: Pick<IssueEvents, 'issueUpdated' | 'issuableAssigneesUpdated'>,
    private readonly logger: Logger,
    private readonly maxIssuesPushed = MAX_ISSUES_PUSHED_PER_STATUS_CHANGE,
  ) {}

  find(userId: number): Promise<UserStatusRecord | null> {
    return this.repository.find(userId);
  }

  async set(userId: number, input: StatusInput): Promise<StatusResult> {
    const errors = validate(input);
    if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
    const availability = blankToNull(input.availability) as Availability | null;
    const message = blankToNull(input.message);
    const emoji = blankToNull(input.emoji);
    let next: UserStatusRecord | null = null;
    if (availability !== null || message !== null || emoji !== null) {
      const current = availability === null ? await this.repository.find(userId) : null;
      next = {
        availability: availability ?? current?.availability ?? 'not_set',
        message,
        emoji: emoji ?? DEFAULT_EMOJI,
      };
    }
    const status = await this.repository.save(userId, next);
    await this.announce(userId);
    return { kind: 'saved', status };
  }

  /** After the commit: each assigned issue, as it is now, to its subscribers. Never fails the write. */
  private async announce(userId: number): Promise<void> {
    try {
      const { issues, total } = await this.repository.issuesAssignedTo(
        userId,
        this.maxIssuesPushed,
      );
      if (total > issues.length) {
        this.logger.info(
          { userId, total, pushed: issues.length },
          'status change pushed to the most recently updated issues only',
        );
      }
      // All at once: each publish waits at most publishWaitMs on a slow pub/sub, so the write
      // waits that once, not once per issue (50 × 100 ms while Redis hangs). An assignee's
      // status is part of the assignees widget GitLab's sidebar subscribes to, hence both events.
      await Promise.all(
        issues.flatMap((issue) => [
          this.events.issueUpdated(issue),
          this.events.issuableAssigneesUpdated(issue),
        ]),
      );
    } catch (error) {
      this.logger.error({ err: error, userId }, 'status change announcement failed');
    }
  }
}

function validate(input: StatusInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const { availability, message, emoji } = input;
  for (const [key, value] of Object.entries({ availability, message, emoji })) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      errors[key] = ['must be a string'];
    }
  }
  if (typeof availability === 'string' && availability.trim() !== '') {
    if (!(AVAILABILITIES as readonly string[]).includes(availability)) {
      errors.availability = [`must be one of ${AVAILABILITIES.join(', ')}`];
    }
  }
  if (typeof message === 'string' && [...message].length > MAX_MESSAGE_LENGTH) {
    errors.message = [`is too long (maximum is ${MAX_MESSAGE_LENGTH} characters)`];
  }
  if (typeof emoji === 'string' && emoji.trim() !== '' && !EMOJI_NAMES.has(emoji)) {
    errors.emoji = ['does not exist'];
  }
  return errors;
}

/**
 * The message as HTML (GitLab's `message_html`): escaped text. GitLab also renders emoji codes
 * in it; here they stay as typed.
 */
export function messageHtml(status: UserStatusRecord): string | null {
  return status.message === null ? null : status.message.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function blankToNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
