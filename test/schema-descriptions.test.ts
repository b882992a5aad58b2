import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { apiSchemaOf } from '../hub/api-schema.js';
import { composeSupergraph } from '../hub/composition.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { elementsWithoutBilingualDescription, isBilingual, ownTypes } from '../scripts/schema-descriptions.js';
import { renderSchemaDoc } from '../scripts/schema-docs.js';

async function composedApiSchema(): Promise<GraphQLSchema> {
  try {
    return buildSchema(apiSchemaOf(await composeSupergraph()));
  } catch (error) {
    // Composition errors carry cyclic schema objects that jest cannot print; keep the message.
    // eslint-disable-next-line preserve-caught-error -- a cause would put those objects back
    throw new Error(error instanceof Error ? error.message : String(error));
  }
}

describe('bilingual schema descriptions', () => {
  it('every type, field, argument, input field and enum value of the API schema has a Chinese and an English description', async () => {
    // Composed from the subgraph SDLs now, not read from schema/api.graphql, so a field added to an
    // SDL without a description fails here even before anyone reruns `npm run compose`.
    const api = await composedApiSchema();
    expect(elementsWithoutBilingualDescription(api)).toEqual([]);
  });

  it('names the elements that lack either language', () => {
    const schema = buildSchema(`
      "查询入口。The query root."
      type Query {
        "English only."
        a("编号。Identifier." id: ID): Int
        "只有中文。"
        b: Int
        "Broken lift (电梯故障)."
        c: Int
        "单个社区。One community."
        d(id: ID): Kind
      }
      "类别。Kind."
      enum Kind { "甲。First." ONE TWO }
    `);
    expect(elementsWithoutBilingualDescription(schema)).toEqual(['Kind.TWO', 'Query.a', 'Query.b', 'Query.c', 'Query.d(id:)']);
  });

  it.each([
    ['单个党组织；id 不存在时为 null。One party organisation; null when no such id exists.', true],
    ['The 12345 government hotline.', false],
    ['消防通道堵塞。', false],
    ['Broken lift (电梯故障).', false],
    ['', false],
  ])('isBilingual(%j) is %s', (text, expected) => {
    expect(isBilingual(text)).toBe(expected);
  });
});

describe('schema reference (npm run docs)', () => {
  it('lists every type of the API schema once, under the subgraph that owns it, with the fields other subgraphs add marked', async () => {
    const apiSdl = await readFile(projectPath('schema', 'api.graphql'), 'utf8');
    const doc = await renderSchemaDoc(apiSdl);
    const headings = [...doc.matchAll(/^### (\w+)$/gm)].map((match) => match[1]);
    const types = ownTypes(buildSchema(apiSdl))
      .map((type) => type.name)
      .filter((name) => name !== 'Query' && name !== 'Mutation');
    expect([...headings].sort()).toEqual([...types].sort());

    const section = (title: string) => doc.split(/^## /m).find((part) => part.startsWith(title))!;
    expect(section('organisations')).toMatch(/^### Department$/m);
    expect(section('grids')).toMatch(/^### Incident$/m);
    expect(section('grids')).toMatch(/^\| `demands` \| .*\*\(resource-pools\)\*/m);
    expect(section('co-building')).toMatch(/^### Query \(co-building\)$[\s\S]*^\| `coBuildingUnits` \|.*<br>· `first`: `Int` = 20 — 每页条数/m);
    expect(section('shared')).toMatch(/^### PageInfo$/m);
  });
});
