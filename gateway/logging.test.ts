import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLoggingPlugin } from './logging';

/** What the per-request log line says, and what it must never say. */
describe('request logging', () => {
  it('logs request id, operation, partner, duration and error codes; never the query, variables or token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const plugin = requestLoggingPlugin(pino({ level: 'info' }, sink));
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-token-payload.signature';
    const listener = await plugin.requestDidStart!({
      contextValue: {
        viewer: { sub: 'alice@example.com', partnerId: 'P-00042', roles: ['partner_rep'] },
        requestId: 'req-7',
        deadline: 0,
      },
      request: {
        query: '{ me { id } }',
        variables: { email: 'alice@example.com' },
        http: { headers: new Map([['authorization', `Bearer ${token}`]]) },
      },
    } as never);
    await listener!.willSendResponse!({
      contextValue: {
        viewer: { sub: 'alice@example.com', partnerId: 'P-00042', roles: ['partner_rep'] },
        requestId: 'req-7',
        deadline: 0,
      },
      operationName: 'MyQuotes',
      request: { query: '{ me { id } }', variables: { email: 'alice@example.com' } },
      response: {
        body: {
          kind: 'single',
          singleResult: { errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] },
        },
      },
    } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      requestId: 'req-7',
      operationName: 'MyQuotes',
      partnerId: 'P-00042',
      errorCodes: ['FORBIDDEN'],
    });
    expect(typeof entry.durationMs).toBe('number');
    expect(lines[0]).not.toMatch(/secret-token|alice@example\.com|me \{ id \}/);
  });
});
