import { request, type ApiOutcome } from '../api/rest';

export { ADMIN_FEATURE_FLAGS_PATH } from '@shared/pages';

/** A flag as GitLab's `GET /api/v4/features` lists it (boolean gate only here). */
export interface FeatureFlag {
  name: string;
  state: 'on' | 'off';
  gates: { key: string; value: unknown }[];
  description?: string;
}

export function listFeatureFlags(): Promise<ApiOutcome<FeatureFlag[]>> {
  return request('GET', '/api/v4/features');
}

export function setFeatureFlag(name: string, value: boolean): Promise<ApiOutcome<FeatureFlag>> {
  return request('POST', `/api/v4/features/${encodeURIComponent(name)}`, { value });
}
