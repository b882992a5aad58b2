import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, decimal, deepFreeze, duration, flag, integer, oneOf, postgresUrl, readEnv, secretList, text, url } from './env.js';

describe('environment primitives', () => {
  it('reads integers within bounds only', () => {
    const spec = { N: integer({ min: 1, max: 10 }) };
    expect(readEnv('svc', spec, { N: ' 7 ' })).toEqual({ N: 7 });
    for (const bad of ['0', '11', '7.5', '7x', 'seven'])
      expect(() => readEnv('svc', spec, { N: bad })).toThrow(`svc: N is "${bad}", not accepted; expected an integer from 1 to 10`);
  });

  it('reads decimals, with an exclusive lower bound when asked', () => {
    expect(readEnv('svc', { D: decimal({ min: 0, max: 1 }) }, { D: '0.25' })).toEqual({ D: 0.25 });
    expect(() => readEnv('svc', { D: decimal({ min: 0, max: 5, above: true }) }, { D: '0' })).toThrow('expected a number above 0 to 5');
  });

  it('reads durations as milliseconds or with a unit', () => {
    const spec = { T: duration({ min: 100, max: 3_600_000 }) };
    expect(['5000', '5000ms', '5s', '1.5s', '2m', '1h'].map((value) => readEnv('svc', spec, { T: value }).T)).toEqual([
      5_000, 5_000, 5_000, 1_500, 120_000, 3_600_000,
    ]);
    expect(() => readEnv('svc', spec, { T: '50' })).toThrow('svc: T is "50", not accepted; expected a duration from 100ms to 1h');
    expect(() => readEnv('svc', spec, { T: '5 s' })).toThrow(ConfigurationError);
  });

  it('treats unset and empty alike: the default, nothing, or a missing required variable', () => {
    const spec = { A: flag().default(false), B: text().optional(), C: oneOf(['on', 'off']) };
    expect(() => readEnv('svc', spec, { A: '', B: '' })).toThrow('svc: C is not set; expected one of on, off');
    expect(readEnv('svc', spec, { A: '', B: '', C: 'on' })).toEqual({ A: false, B: undefined, C: 'on' });
  });

  it('trims secret lists, drops empty entries, and never echoes a secret', () => {
    const long = 'x'.repeat(32);
    const other = 'y'.repeat(32);
    expect(readEnv('svc', { S: secretList() }, { S: ` ${long} , ${other},` }).S).toEqual([long, other]);
    const refused = () => readEnv('svc', { S: secretList() }, { S: `${long},short-secret` });
    expect(refused).toThrow('svc: S is not accepted; expected comma-separated secrets, each at least 32 characters');
    expect(refused).not.toThrow('short-secret');
    expect(() => readEnv('svc', { U: postgresUrl() }, { U: 'mysql://user:hunter2@db/x' })).not.toThrow('hunter2');
  });

  it('checks URLs and their protocol', () => {
    expect(readEnv('svc', { U: url() }, { U: 'https://example.org/x' }).U).toBe('https://example.org/x');
    expect(() => readEnv('svc', { U: url() }, { U: 'ftp://example.org' })).toThrow('expected an absolute http or https URL');
    expect(() => readEnv('svc', { U: url() }, { U: 'example.org:4001' })).toThrow(ConfigurationError);
  });

  it('reports every bad variable at once, one line each', () => {
    const spec = { A: integer({ min: 0, max: 1 }), B: flag(), C: text().default('c') };
    let message = '';
    try {
      readEnv('svc', spec, { A: '2', B: 'yes' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).code).toBe('INVALID_CONFIGURATION');
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'svc: A is "2", not accepted; expected an integer from 0 to 1',
      'svc: B is "yes", not accepted; expected true or false',
    ]);
  });

  it('freezes what it reads, nested objects included', () => {
    const settings = deepFreeze({ a: { b: [1] } });
    expect(Object.isFrozen(settings.a.b)).toBe(true);
    expect(Object.isFrozen(readEnv('svc', { C: text().default('c') }, {}))).toBe(true);
  });
});
