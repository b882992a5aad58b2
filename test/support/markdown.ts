import { readFileSync } from 'node:fs';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * Just enough Markdown reading for tests that hold the documentation to the code: sections, tables,
 * headings' anchors and relative links. Fenced code blocks are skipped, so `# a comment` in a
 * ```bash block is not a heading and a link inside code is not a link.
 */

export interface MarkdownLine {
  readonly text: string;
  /** 1-based, for messages. */
  readonly number: number;
}

/** The lines of `markdown` outside fenced code blocks. */
export function proseLines(markdown: string): MarkdownLine[] {
  const lines: MarkdownLine[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const opening = /^\s*(```+|~~~+)/.exec(text);
    if (opening) {
      if (fence === null) fence = opening[1]![0]!;
      else if (opening[1]![0] === fence) fence = null;
      return;
    }
    if (fence === null) lines.push({ text, number: index + 1 });
  });
  return lines;
}

function headingOf(line: string): { level: number; text: string } | null {
  const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  return match ? { level: match[1]!.length, text: match[2]! } : null;
}

/**
 * The prose lines under `heading` (e.g. `## Scoped reads`) in a file of the repository, up to the
 * next heading of the same or a higher level. Empty when there is no such heading.
 */
export function sectionOf(markdownFile: string, heading: string): string[] {
  const wanted = headingOf(heading);
  if (!wanted) throw new Error(`not a heading: ${heading}`);
  const lines = proseLines(readFileSync(projectPath(markdownFile), 'utf8')).map((line) => line.text);
  const start = lines.findIndex((line) => {
    const found = headingOf(line);
    return found?.level === wanted.level && found.text === wanted.text;
  });
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => {
    const found = headingOf(line);
    return found !== null && found.level <= wanted.level;
  });
  return end < 0 ? rest : rest.slice(0, end);
}

/** The `Type.field` names in backticks in the first column of the tables under `heading`. */
export function fieldsListedUnder(markdownFile: string, heading: string): string[] {
  return sectionOf(markdownFile, heading)
    .filter((line) => line.startsWith('| `'))
    .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`(\w+\.\w+)`/g)].map((match) => match[1]!));
}

/**
 * The anchor GitHub gives a heading: lower case, everything but letters, digits, marks, spaces,
 * `-` and `_` dropped (backticks, brackets, punctuation), each space a `-`. Chinese stays.
 */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link in a heading counts by its text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown text defines: its headings (repeats numbered as GitHub does) and explicit `<a id>`/`name`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = headingOf(text);
    if (heading) {
      const anchor = headingAnchor(heading.text);
      const times = seen.get(anchor) ?? 0;
      seen.set(anchor, times + 1);
      anchors.add(times === 0 ? anchor : `${anchor}-${times}`);
    }
    for (const [, explicit] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(explicit!);
  }
  return anchors;
}

export interface MarkdownLink {
  /** The target as written, e.g. `docs/security.md#limits`. */
  readonly target: string;
  readonly line: number;
}

/** The links of a Markdown text that stay inside the repository: no scheme, no `mailto:`, not protocol-relative. */
export function relativeLinksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, number } of proseLines(markdown)) {
    // Inline code is not a link: `[a](b)` in backticks stays text.
    const prose = text.replace(/`[^`]*`/g, '');
    for (const [, target] of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target!) || target!.startsWith('//')) continue;
      links.push({ target: target!, line: number });
    }
  }
  return links;
}
