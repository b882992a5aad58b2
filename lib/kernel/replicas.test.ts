import { describe, expect, it } from '@jest/globals';
import { readEnv } from './env.js';
import { REPLICA_BACKOFF_MS, ReplicaRotation, replicaUrlList } from './replicas.js';

const A = 'http://10.0.0.1:4002/graphql';
const B = 'http://10.0.0.2:4002/graphql';
const C = 'http://10.0.0.3:4002/graphql';

describe('a variable naming the replicas of one service', () => {
  it('takes one URL or several separated by commas, trimmed', () => {
    const spec = { U: replicaUrlList() };
    expect(readEnv('svc', spec, { U: A }).U).toBe(A);
    expect(readEnv('svc', spec, { U: ` ${A} , ${B},` }).U).toBe(`${A},${B}`);
  });

  it('refuses a list with any entry that is not an http(s) URL', () => {
    const spec = { U: replicaUrlList() };
    expect(() => readEnv('svc', spec, { U: `${A},grids:4002` })).toThrow(
      /svc: U is .*not accepted; expected an absolute http or https URL, or several separated by commas/,
    );
    expect(() => readEnv('svc', spec, { U: `${A},ftp://x/` })).toThrow(/not accepted/);
  });
});

describe('round robin over replicas', () => {
  it('starts each request at the next replica and lists the others after it', () => {
    const rotation = new ReplicaRotation([A, B, C]);
    expect([rotation.order(), rotation.order(), rotation.order(), rotation.order()]).toEqual([
      [A, B, C],
      [B, C, A],
      [C, A, B],
      [A, B, C],
    ]);
  });

  it('skips a replica that refused a connection for the back-off, then tries it again', () => {
    let now = 1_000;
    const rotation = new ReplicaRotation(`${A},${B}`, { now: () => now });
    rotation.refused(A);
    expect([rotation.order(), rotation.order()]).toEqual([
      [B, A],
      [B, A],
    ]);
    now += REPLICA_BACKOFF_MS;
    expect([rotation.order(), rotation.order()]).toEqual([
      [A, B],
      [B, A],
    ]);
  });

  it('puts replicas in back-off last, the one back soonest first, so a request still has somewhere to go', () => {
    let now = 0;
    const rotation = new ReplicaRotation([A, B, C], { now: () => now, backoffMs: 100 });
    rotation.refused(B);
    now = 10;
    rotation.refused(A);
    expect(rotation.order()).toEqual([C, B, A]);
  });

  it('takes a replica back as soon as it answers', () => {
    const rotation = new ReplicaRotation([A, B]);
    rotation.refused(A);
    rotation.answered(A);
    expect(rotation.order()).toEqual([A, B]);
  });

  it('sends one request on to the next replica when one refused it, and a resendable one once when one dropped it', async () => {
    const classify = (error: unknown) => (error as Error).message as 'not-sent' | 'dropped' | 'other';
    const failing = (failures: Record<string, string>) => {
      const asked: string[] = [];
      const attempt = async (url: string) => {
        asked.push(url);
        if (failures[url]) throw new Error(failures[url]);
        return url;
      };
      return { asked, attempt };
    };
    const refusing = failing({ [A]: 'not-sent' });
    const rotation = new ReplicaRotation([A, B, C]);
    expect(await rotation.send(refusing.attempt, { resendable: false, classify })).toBe(B);
    expect(refusing.asked).toEqual([A, B]);

    const dropping = failing({ [A]: 'dropped', [B]: 'dropped' });
    const fresh = () => new ReplicaRotation([A, B, C]);
    await expect(fresh().send(dropping.attempt, { resendable: false, classify })).rejects.toThrow('dropped');
    await expect(fresh().send(dropping.attempt, { resendable: true, classify })).rejects.toThrow('dropped');
    expect(dropping.asked).toEqual([A, A, B]);
    expect(await fresh().send(failing({ [A]: 'dropped' }).attempt, { resendable: true, classify })).toBe(B);
    await expect(fresh().send(failing({ [A]: 'other' }).attempt, { resendable: true, classify })).rejects.toThrow('other');
  });

  it('needs at least one URL', () => {
    expect(() => new ReplicaRotation(' , ')).toThrow(/at least one replica URL/);
  });
});
