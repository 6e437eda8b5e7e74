import { ConfigError, loadEnv } from '.';

describe('configuration', () => {
  it('has working defaults for every variable', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      GATEWAY_PORT: 4000,
      PARTNERS_PORT: 4001,
      QUOTING_PORT: 4002,
      CPQ_PORT: 4101,
      PRM_PORT: 4104,
      START_LEGACY: true,
      LEGACY_SCALE: 'small',
      APOLLO_TELEMETRY: false,
      INCENTIVES_PENDING_TTL_MS: 30_000,
      AUTH_MAX_TOKEN_LIFETIME_S: 86_400,
    });
    expect(loadEnv({ INCENTIVES_PENDING_TTL_MS: '0' }).INCENTIVES_PENDING_TTL_MS).toBe(0);
  });

  it('bounds quote line quantities, 1 to 1,000,000 unless configured, and refuses a minimum above the maximum', () => {
    expect(loadEnv({})).toMatchObject({ QUOTE_LINE_QUANTITY_MIN: 1, QUOTE_LINE_QUANTITY_MAX: 1_000_000 });
    expect(loadEnv({ QUOTE_LINE_QUANTITY_MIN: '5', QUOTE_LINE_QUANTITY_MAX: '500' })).toMatchObject({
      QUOTE_LINE_QUANTITY_MIN: 5,
      QUOTE_LINE_QUANTITY_MAX: 500,
    });
    expect(() => loadEnv({ QUOTE_LINE_QUANTITY_MIN: '10', QUOTE_LINE_QUANTITY_MAX: '5' })).toThrow(
      /QUOTE_LINE_QUANTITY_MAX: must not be below QUOTE_LINE_QUANTITY_MIN/,
    );
    expect(() => loadEnv({ QUOTE_LINE_QUANTITY_MIN: '0' })).toThrow(/QUOTE_LINE_QUANTITY_MIN/);
  });

  it('reads fair-use budgets and legacy shedding thresholds, refusing what cannot work', () => {
    expect(loadEnv({})).toMatchObject({
      BUDGETS: true,
      BUDGET_TIERS: {},
      BUDGET_PARTNERS: {},
      BUDGET_USER_SHARE_PERCENT: 50,
      BUDGET_ON_REDIS_FAILURE: 'open',
      LEGACY_SHED_BULK_BELOW_PERCENT: 20,
      LEGACY_SHED_STANDARD_BELOW_PERCENT: 10,
      LEGACY_SHED_INTERACTIVE_BELOW_PERCENT: 2,
    });
    expect(
      loadEnv({
        BUDGET_TIERS: '{"GOLD":{"burst":60}}',
        BUDGET_PARTNERS: '{"P-00042":{"costPerMinute":1000000}}',
      }),
    ).toMatchObject({
      BUDGET_TIERS: { GOLD: { burst: 60 } },
      BUDGET_PARTNERS: { 'P-00042': { costPerMinute: 1_000_000 } },
    });
    expect(() => loadEnv({ BUDGET_PARTNERS: '{"P-1":' })).toThrow(/BUDGET_PARTNERS: must be JSON/);
    expect(() => loadEnv({ BUDGET_TIERS: '{"GOLDEN":{"burst":1}}' })).toThrow(
      /BUDGET_TIERS: must map REGISTERED/,
    );
    expect(() => loadEnv({ BUDGET_PARTNERS: '{"P-1":{"burst":0}}' })).toThrow(/BUDGET_PARTNERS/);
    expect(() => loadEnv({ BUDGET_PARTNERS: '{"P-1":{"bursts":5}}' })).toThrow(/BUDGET_PARTNERS/);
    expect(() => loadEnv({ BUDGET_ON_REDIS_FAILURE: 'maybe' })).toThrow(
      /BUDGET_ON_REDIS_FAILURE: must be open or closed/,
    );
    expect(() => loadEnv({ BUDGET_USER_SHARE_PERCENT: '0' })).toThrow(
      /BUDGET_USER_SHARE_PERCENT: must be above 0/,
    );
    expect(() =>
      loadEnv({ LEGACY_SHED_BULK_BELOW_PERCENT: '5', LEGACY_SHED_STANDARD_BELOW_PERCENT: '10' }),
    ).toThrow(/bulk >= standard >= interactive/);
  });

  it('parses overrides and treats empty strings as unset', () => {
    const env = loadEnv({
      GATEWAY_PORT: '5000',
      START_LEGACY: 'false',
      PRM_URL: 'http://10.0.0.1:8080',
      CPQ_PORT: '',
    });
    expect(env.GATEWAY_PORT).toBe(5000);
    expect(env.START_LEGACY).toBe(false);
    expect(env.PRM_URL).toBe('http://10.0.0.1:8080');
    expect(env.CPQ_PORT).toBe(4101);
  });

  it('lists every invalid variable with what was given', () => {
    let error: unknown;
    try {
      loadEnv({
        GATEWAY_PORT: 'abc',
        PRM_PORT: '70000',
        LEGACY_SCALE: 'huge',
        CPQ_URL: 'ftp://x',
        INCENTIVES_STANDIN_LATENCY_MS: 'slow',
        START_LEGACY: 'maybe',
        INCENTIVES_PENDING_TTL_MS: '-5',
        AUTH_MAX_TOKEN_LIFETIME_S: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/GATEWAY_PORT: .*\(got "abc"\)/);
    expect(problems).toMatch(/PRM_PORT: must be 0\.\.65535 \(got "70000"\)/);
    expect(problems).toMatch(/LEGACY_SCALE: must be small or large/);
    expect(problems).toMatch(/CPQ_URL: must be an http\(s\) URL/);
    expect(problems).toMatch(/START_LEGACY: must be true or false/);
    expect(problems).toMatch(/INCENTIVES_STANDIN_LATENCY_MS: must be "min-max"/);
    expect(problems).toMatch(/INCENTIVES_PENDING_TTL_MS: must be 0 or a positive number of milliseconds/);
    expect(problems).toMatch(/AUTH_MAX_TOKEN_LIFETIME_S: must be a positive number of seconds \(got "0"\)/);
  });

  it('takes LEGACY_AS_OF as a real ISO date, for the stand-ins only', () => {
    expect(loadEnv({ LEGACY_AS_OF: '2027-12-20' }).LEGACY_AS_OF).toBe('2027-12-20');
    expect(loadEnv({}).LEGACY_AS_OF).toBeUndefined();
    const problems = (input: Record<string, string>) => {
      try {
        loadEnv(input);
        return '';
      } catch (caught) {
        return (caught as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ LEGACY_AS_OF: '2027-02-30' })).toMatch(
      /LEGACY_AS_OF: must be a real calendar date \(YYYY-MM-DD\) \(got "2027-02-30"\)/,
    );
    expect(problems({ LEGACY_AS_OF: '20.12.2027' })).toMatch(/LEGACY_AS_OF: must be an ISO date/);
    expect(problems({ LEGACY_AS_OF: '2027-12-20', START_LEGACY: 'false' })).toMatch(
      /LEGACY_AS_OF: pins the seeded stand-ins only/,
    );
  });

  it('takes REDIS_KEY_PREFIX as a plain key prefix', () => {
    expect(loadEnv({}).REDIS_KEY_PREFIX).toBe('partner-graph:');
    expect(loadEnv({ REDIS_KEY_PREFIX: 'staging-2:' }).REDIS_KEY_PREFIX).toBe('staging-2:');
    expect(() => loadEnv({ REDIS_KEY_PREFIX: 'a b*' })).toThrow(/REDIS_KEY_PREFIX: must be 1-64 letters/);
  });
});
