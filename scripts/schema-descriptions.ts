import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

/** One describable element of a schema, named by its schema coordinate (`Type.field(arg)`). */
export interface SchemaElement {
  coordinate: string;
  description: string | null | undefined;
}

const CJK = /[\u3400-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{3,}/;

/**
 * Whether a description has a Chinese part and an English part. Text in parentheses does not count,
 * so "Broken lift (电梯故障)." — English with a Chinese term — is not bilingual.
 */
export function isBilingual(description: string | null | undefined): boolean {
  if (!description) return false;
  const outsideParentheses = description.replace(/（[^）]*）/g, ' ').replace(/\([^)]*\)/g, ' ');
  return CJK.test(outsideParentheses) && LATIN_WORD.test(outsideParentheses);
}

/** The schema's own named types (no introspection types, no built-in scalars), in name order. */
export function ownTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every type, field, argument, input field and enum value of the schema. */
export function* schemaElements(schema: GraphQLSchema): Generator<SchemaElement> {
  for (const type of ownTypes(schema)) {
    yield { coordinate: type.name, description: type.description };
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        yield { coordinate: `${type.name}.${field.name}`, description: field.description };
        for (const arg of field.args) yield { coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description };
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) yield { coordinate: `${type.name}.${field.name}`, description: field.description };
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) yield { coordinate: `${type.name}.${value.name}`, description: value.description };
    }
  }
}

/** Coordinates of the elements whose description lacks a Chinese or an English part. */
export function elementsWithoutBilingualDescription(schema: GraphQLSchema): string[] {
  return [...schemaElements(schema)].filter((element) => !isBilingual(element.description)).map((element) => element.coordinate);
}
