import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectPath } from '../lib/kernel/project-root.js';
import { anchorsOf, fieldsListedUnder, headingAnchor, relativeLinksOf, sectionOf } from './support/markdown.js';

/**
 * The README is short and points into docs/; a page renamed or a heading reworded must not leave a
 * link behind it pointing at nothing. Every relative link of README.md and docs/*.md must name a file
 * of the repository, and an anchor must name a heading (or an explicit anchor) of that file.
 */

const DOCUMENTS = [
  'README.md',
  ...readdirSync(projectPath('docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** What is wrong with one link of `document`, or null when it resolves. */
function problemOf(document: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = pathPart === '' ? projectPath(document) : join(dirname(projectPath(document)), decodeURIComponent(pathPart));
  const inRepository = relative(projectPath(), file);
  if (inRepository.startsWith('..')) return `${target} leaves the repository`;
  if (!existsSync(file)) return `${target}: no such file`;
  if (anchor === undefined) return null;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `${target}: an anchor in a file that is not Markdown`;
  return anchorsOf(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor)) ? null : `${target}: no heading with that anchor`;
}

describe('links in the documentation', () => {
  it.each(DOCUMENTS)('every relative link of %s resolves to a file of the repository and, with #, to a heading', (document) => {
    const problems = relativeLinksOf(readFileSync(projectPath(document), 'utf8')).flatMap(({ target, line }) => {
      const problem = problemOf(document, target);
      return problem === null ? [] : [`${document}:${line}: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('every page of docs/ can be reached from the README by following links', () => {
    const reached = new Set<string>();
    const queue = ['README.md'];
    while (queue.length > 0) {
      const document = queue.shift()!;
      if (reached.has(document)) continue;
      reached.add(document);
      for (const { target } of relativeLinksOf(readFileSync(projectPath(document), 'utf8'))) {
        const linked = relative(projectPath(), join(dirname(projectPath(document)), decodeURIComponent(target.split('#')[0]!)));
        if (DOCUMENTS.includes(linked)) queue.push(linked);
      }
    }
    expect(DOCUMENTS.filter((document) => !reached.has(document))).toEqual([]);
  });
});

describe('the Markdown reader the documentation tests rely on', () => {
  it('gives headings the anchors GitHub gives them', () => {
    expect(headingAnchor('Importing ledgers (Excel / CSV 台账导入)')).toBe('importing-ledgers-excel--csv-台账导入');
    expect(headingAnchor('Between routers and the subgraphs (the trust contract)')).toBe('between-routers-and-the-subgraphs-the-trust-contract');
    expect(headingAnchor('`SUBGRAPH_<NAME>_URL` and ports')).toBe('subgraph_name_url-and-ports');
    expect([...anchorsOf('# A\n\n## Limits\n\n```bash\n# not a heading\n```\n\n## Limits\n')]).toEqual(['a', 'limits', 'limits-1']);
  });

  it('finds links outside code only, and leaves absolute URLs alone', () => {
    const markdown = 'See [a](docs/a.md#x) and `[b](b.md)` and [c](https://example.org/c.md).\n\n```md\n[d](d.md)\n```\n[`e`](e.md)';
    expect(relativeLinksOf(markdown)).toEqual([
      { target: 'docs/a.md#x', line: 1 },
      { target: 'e.md', line: 6 },
    ]);
  });

  it('reads a section up to the next heading of its level, and the fields of its tables', () => {
    expect(sectionOf('docs/security.md', '## Scoped reads').some((line) => line.startsWith('## '))).toBe(false);
    expect(fieldsListedUnder('docs/security.md', '## Scoped reads')).toContain('Demand.timeline');
    expect(sectionOf('docs/security.md', '## No such section')).toEqual([]);
  });
});
