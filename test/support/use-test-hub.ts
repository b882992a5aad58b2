import { afterAll, beforeAll } from '@jest/globals';
import { startTestHub, type TestHub } from './hub.js';

/**
 * One hub for the test file (or the describe block) that calls it: started before its tests, stopped
 * after them. The returned object is filled in when the hub has started, so tests use it directly
 * (`hub.gatewayUrl`); reading it at module level, before beforeAll ran, gives undefined.
 */
export function useTestHub(options: Parameters<typeof startTestHub>[0] = {}): TestHub {
  const hub = {} as TestHub;
  beforeAll(async () => {
    Object.assign(hub, await startTestHub(options));
  });
  afterAll(async () => {
    await hub.stop?.();
  });
  return hub;
}
