import nock from 'nock';
import type { LegacyHttpClient } from './client';

// Kept apart from testing.ts: importing nock switches its interception on, so only files that
// really use nock (and so restore it) may import this module.

/**
 * The nock lifecycle every nock-based test file here needs, and the clients it creates closed after
 * each test. nock.restore() in afterAll is not optional: without it, later test files in the same
 * jest worker see their real HTTP calls fail ("No socket was returned").
 */
export function useNockForClients(): LegacyHttpClient[] {
  const clients: LegacyHttpClient[] = [];
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    clients.splice(0).forEach((created) => created.close());
    nock.cleanAll();
  });
  afterAll(() => {
    nock.restore();
    nock.enableNetConnect();
  });
  return clients;
}
