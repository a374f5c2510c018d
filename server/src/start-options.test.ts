import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { loadConfig } from './config.js';
import { startOptionsFrom } from './start-options.js';

describe('startOptionsFrom', () => {
  it('hands the cable limits from the environment to the cable server', () => {
    const options = startOptionsFrom(
      loadConfig({ CABLE_MAX_IDENTIFIER_LENGTH: '4096', CABLE_MAX_SUBSCRIPTIONS: '7' }),
      pino({ level: 'silent' }),
    );
    expect(options.cable).toMatchObject({ maxIdentifierLength: 4096, maxSubscriptions: 7 });
  });
});
