import { describe, expect, it } from 'vitest';
import { loadConfig } from '@innspill/config';
import { buildTestApp } from './testing/build-test-app.ts';

describe('INNSPILL_PUBLIC_RATE_LIMIT', () => {
  it('defaults to 60 requests a minute and names the setting when it is not a number', () => {
    expect(loadConfig({}).publicRateLimitPerMinute).toBe(60);
    expect(loadConfig({ INNSPILL_PUBLIC_RATE_LIMIT: '5000' }).publicRateLimitPerMinute).toBe(5000);
    expect(() => loadConfig({ INNSPILL_PUBLIC_RATE_LIMIT: 'many' })).toThrow(/INNSPILL_PUBLIC_RATE_LIMIT/);
    expect(() => loadConfig({ INNSPILL_PUBLIC_RATE_LIMIT: '0' })).toThrow(/INNSPILL_PUBLIC_RATE_LIMIT/);
  });

  it('limits the public write routes per client address to the configured number a minute', async () => {
    const testApp = await buildTestApp({ env: { INNSPILL_PUBLIC_RATE_LIMIT: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await testApp.app.inject({
          method: 'POST',
          url: '/api/public/rounds/00000000-0000-0000-0000-000000000000/responses',
          payload: {},
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await testApp.close();
    }
  });
});
