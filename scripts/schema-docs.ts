import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  Kind,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, schemaPathOf, type SubgraphName } from '../lib/subgraph/names.js';
import { ownTypes } from './schema-descriptions.js';

/**
 * `npm run docs` writes docs/schema.md, the schema reference: every type of the API schema
 * (schema/api.graphql, what clients see) grouped by the subgraph that owns it, with each field's type,
 * arguments and bilingual description. `npm run docs:check` (CI) fails when the file is stale.
 * Ownership comes from the subgraph SDLs: a type belongs to the subgraph that defines most of its
 * fields; fields other subgraphs add are marked with their subgraph; Query and Mutation fields are
 * listed under the subgraph that resolves them; types every subgraph defines alike are "shared".
 */
export const SCHEMA_DOC_PATH = projectPath('docs', 'schema.md');

const SUBGRAPH_TITLES: Record<SubgraphName, string> = {
  organisations: 'organisations · 党组织',
  grids: 'grids · 网格',
  'resource-pools': 'resource-pools · 资源池',
  'co-building': 'co-building · 共建',
};
const ROOT_TYPES = ['Query', 'Mutation'];

/** Per subgraph: type name → the names of the fields (or values) it defines. */
type Definitions = Record<SubgraphName, Map<string, Set<string>>>;

async function subgraphDefinitions(): Promise<Definitions> {
  const definitions = {} as Definitions;
  for (const name of SUBGRAPH_NAMES) {
    const types = new Map<string, Set<string>>();
    for (const definition of parse(await readFile(schemaPathOf(name), 'utf8')).definitions) {
      switch (definition.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
          const fields = types.get(definition.name.value) ?? new Set<string>();
          for (const field of definition.fields ?? []) fields.add(field.name.value);
          types.set(definition.name.value, fields);
          break;
        }
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.UNION_TYPE_DEFINITION:
        case Kind.SCALAR_TYPE_DEFINITION:
          types.set(definition.name.value, types.get(definition.name.value) ?? new Set<string>());
          break;
        default:
      }
    }
    definitions[name] = types;
  }
  return definitions;
}

/** The owning subgraph of a type, or 'shared' when several define all of it alike. */
function ownerOf(type: string, definitions: Definitions): SubgraphName | 'shared' {
  const defining = SUBGRAPH_NAMES.filter((name) => definitions[name].has(type));
  if (defining.length === 1) return defining[0]!;
  const sizes = defining.map((name) => definitions[name].get(type)!.size);
  const largest = Math.max(...sizes);
  const owners = defining.filter((_, i) => sizes[i] === largest);
  return owners.length === 1 ? owners[0]! : 'shared';
}

function cell(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function anchorOf(type: string): string {
  return type.toLowerCase();
}

function typeLink(printed: string, schema: GraphQLSchema): string {
  const named = printed.replace(/[[\]!]/g, '');
  const type = schema.getType(named);
  return type && ownTypes(schema).includes(type) ? `[\`${printed}\`](#${anchorOf(named)})` : `\`${printed}\``;
}

function argumentLines(args: readonly GraphQLArgument[], schema: GraphQLSchema): string {
  return args
    .map((arg) => {
      const defaultValue = arg.defaultValue === undefined ? '' : ` = ${JSON.stringify(arg.defaultValue)}`;
      return `<br>· \`${arg.name}\`: ${typeLink(String(arg.type), schema)}${defaultValue} — ${cell(arg.description)}`;
    })
    .join('');
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  if (isScalarType(type)) return 'scalar';
  return 'type';
}

function fieldTable(
  type: GraphQLNamedType,
  schema: GraphQLSchema,
  fieldOwner: (field: string) => SubgraphName | undefined,
  only?: (field: string) => boolean,
): string[] {
  const lines: string[] = [];
  if (isObjectType(type) || isInterfaceType(type)) {
    lines.push('| field | type | description |', '|---|---|---|');
    // The owner's fields first, then those other subgraphs add (each group in schema order).
    const fields = Object.values(type.getFields());
    const ordered = [...fields.filter((field) => !fieldOwner(field.name)), ...fields.filter((field) => fieldOwner(field.name))];
    for (const field of ordered) {
      if (only && !only(field.name)) continue;
      const from = fieldOwner(field.name);
      const origin = from ? ` *(${from})*` : '';
      lines.push(`| \`${field.name}\` | ${typeLink(String(field.type), schema)} | ${cell(field.description)}${origin}${argumentLines(field.args, schema)} |`);
    }
  } else if (isInputObjectType(type)) {
    lines.push('| field | type | description |', '|---|---|---|');
    for (const field of Object.values(type.getFields())) {
      const defaultValue = field.defaultValue === undefined ? '' : ` = ${JSON.stringify(field.defaultValue)}`;
      lines.push(`| \`${field.name}\` | ${typeLink(String(field.type), schema)}${defaultValue} | ${cell(field.description)} |`);
    }
  } else if (isEnumType(type)) {
    lines.push('| value | description |', '|---|---|');
    for (const value of type.getValues()) lines.push(`| \`${value.name}\` | ${cell(value.description)} |`);
  } else if (isUnionType(type)) {
    lines.push(
      `One of: ${type
        .getTypes()
        .map((member) => typeLink(member.name, schema))
        .join(', ')}.`,
    );
  }
  return lines;
}

export async function renderSchemaDoc(apiSdl: string): Promise<string> {
  const schema = buildSchema(apiSdl);
  const definitions = await subgraphDefinitions();
  const types = ownTypes(schema).filter((type) => !ROOT_TYPES.includes(type.name));
  const groups = new Map<SubgraphName | 'shared', GraphQLNamedType[]>();
  for (const type of types) {
    const owner = ownerOf(type.name, definitions);
    groups.set(owner, [...(groups.get(owner) ?? []), type]);
  }
  const out: string[] = [
    '# Schema reference · 接口参考',
    '',
    '<!-- Generated by `npm run docs` from schema/api.graphql and the subgraph SDLs. Do not edit; CI checks it is current (`npm run docs:check`). -->',
    '',
    "Every type, field, argument and enum value of the schema clients see at the gateway's `/graphql`, grouped by the",
    'subgraph that owns it, each with its description in Chinese and English. Fields another subgraph adds to a type',
    'are marked with that subgraph in italics. 客户端在网关 `/graphql` 上看到的全部类型、字段、参数和枚举值，按所属子图分组，',
    '每项附中英文说明；由其他子图补充的字段以斜体注明子图。',
    '',
    '## Contents · 目录',
    '',
  ];
  const sections = [...SUBGRAPH_NAMES, 'shared' as const];
  for (const section of sections) {
    const title = section === 'shared' ? 'shared · 共用类型' : SUBGRAPH_TITLES[section];
    const names = (groups.get(section) ?? []).map((type) => `[${type.name}](#${anchorOf(type.name)})`);
    out.push(`- **${title}**: ${names.join(', ')}`);
  }
  for (const section of sections) {
    out.push('', `## ${section === 'shared' ? 'shared · 共用类型' : SUBGRAPH_TITLES[section]}`);
    if (section !== 'shared') {
      for (const root of ROOT_TYPES) {
        const rootType = schema.getType(root);
        const own = definitions[section].get(root);
        if (!rootType || !own || own.size === 0) continue;
        const visible = (field: string) => own.has(field);
        if (isObjectType(rootType) && !Object.keys(rootType.getFields()).some(visible)) continue;
        out.push('', `### ${root} (${section})`, '', ...fieldTable(rootType, schema, () => undefined, visible));
      }
    }
    for (const type of groups.get(section) ?? []) {
      const isEntity = SUBGRAPH_NAMES.filter((name) => definitions[name].has(type.name)).length > 1 && section !== 'shared';
      out.push('', `### ${type.name}`, '', `*${kindOf(type)}${isEntity ? ', entity' : ''}* — ${cell(type.description)}`, '');
      const fieldOwner = (field: string): SubgraphName | undefined => {
        if (section === 'shared' || definitions[section].get(type.name)?.has(field)) return undefined;
        return SUBGRAPH_NAMES.find((name) => definitions[name].get(type.name)?.has(field));
      };
      out.push(...fieldTable(type, schema, fieldOwner));
    }
  }
  return out.join('\n') + '\n';
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const doc = await renderSchemaDoc(await readFile(projectPath('schema', 'api.graphql'), 'utf8'));
  if (check) {
    if ((await readFile(SCHEMA_DOC_PATH, 'utf8').catch(() => '')) !== doc) {
      process.stderr.write('docs/schema.md is stale: run `npm run docs` and commit the result\n');
      process.exit(1);
    }
    process.stdout.write('docs/schema.md is up to date\n');
    return;
  }
  await writeFile(SCHEMA_DOC_PATH, doc);
  process.stdout.write(`wrote ${SCHEMA_DOC_PATH}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    process.stderr.write(error.message + '\n');
    process.exit(1);
  });
}
