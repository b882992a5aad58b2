import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pruneEarlierBuilds, sourceDigest, sourceFiles, transpileInto } from '../scripts/transpile.mjs';

/**
 * `npm start`'s build (scripts/transpile.mjs, run by scripts/start.mjs): the sources as JavaScript in
 * a folder named by their digest, built once per version of the sources, earlier builds pruned.
 * Each test works in a small project of its own in a temp folder.
 */
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function smallProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'hub-start-build-'));
  folders.push(root);
  await mkdir(join(root, 'lib'), { recursive: true });
  await writeFile(join(root, 'package.json'), '{"type":"module"}');
  await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions":{"module":"NodeNext","target":"ES2022"}}');
  await writeFile(join(root, 'lib', 'greet.ts'), 'export const greet = (name: string): string => `hello ${name}`;\n');
  await writeFile(join(root, 'lib', 'greet.test.ts'), 'throw new Error("tests are not built");\n');
  await writeFile(join(root, 'lib', 'ambient.d.ts'), 'declare const nothing: never;\n');
  return root;
}

describe("npm start's build", () => {
  it('compiles the sources, not tests or declarations, into the target, and runs as JavaScript', async () => {
    const root = await smallProject();
    const files = await sourceFiles(root, ['lib']);
    expect(files).toEqual([join(root, 'lib', 'greet.ts')]);
    const target = join(root, 'dist', 'start', 'one');
    await transpileInto(root, files, target);
    expect(await readdir(join(target, 'lib'))).toEqual(['greet.js']);
    const { greet } = (await import(join(target, 'lib', 'greet.js'))) as { greet: (name: string) => string };
    expect(greet('street')).toBe('hello street');
  });

  it('names a build by the sources: the same sources reuse it, a changed source gets another', async () => {
    const root = await smallProject();
    const files = await sourceFiles(root, ['lib']);
    const digest = await sourceDigest(root, files);
    expect(await sourceDigest(root, files)).toBe(digest);
    const target = join(root, 'dist', 'start', digest.slice(0, 16));
    await transpileInto(root, files, target);
    const builtAt = (await stat(join(target, 'lib', 'greet.js'))).mtimeMs;
    // A second start with the same sources finds the build and leaves it as it is.
    await writeFile(join(target, 'lib', 'marker'), 'kept');
    await transpileInto(root, files, target);
    expect(await readFile(join(target, 'lib', 'marker'), 'utf8')).toBe('kept');
    expect((await stat(join(target, 'lib', 'greet.js'))).mtimeMs).toBe(builtAt);
    await writeFile(join(root, 'lib', 'greet.ts'), 'export const greet = (name: string): string => `你好 ${name}`;\n');
    expect(await sourceDigest(root, files)).not.toBe(digest);
    await writeFile(join(root, 'tsconfig.json'), '{"compilerOptions":{"module":"NodeNext","target":"ES2023"}}');
    await writeFile(join(root, 'lib', 'greet.ts'), 'export const greet = (name: string): string => `hello ${name}`;\n');
    expect(await sourceDigest(root, files)).not.toBe(digest);
  });

  it('keeps the current build and the most recently used earlier ones, and leaves builds under way alone', async () => {
    const root = await smallProject();
    const builds = join(root, 'dist', 'start');
    const names = ['a', 'b', 'c', 'd', 'e', 'f.4242'];
    for (const [index, name] of names.entries()) {
      await mkdir(join(builds, name), { recursive: true });
      // a was used longest ago, f.4242 (a staging folder) last.
      const usedAt = new Date(Date.UTC(2026, 11, 1, index));
      await utimes(join(builds, name), usedAt, usedAt);
    }
    const removed = await pruneEarlierBuilds(builds, join(builds, 'a'), 2);
    expect(removed.sort()).toEqual([join(builds, 'b'), join(builds, 'c')]);
    expect((await readdir(builds)).sort()).toEqual(['a', 'd', 'e', 'f.4242']);
  });
});
