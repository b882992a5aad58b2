import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { Caller } from './caller.js';
import { ErrorCode } from '../kernel/errors.js';

/**
 * The subgraph SDLs declare who may reach what with Federation's `@authenticated` and
 * `@requiresScopes` (the supergraph keeps them, so a router that enforces them can serve it as is).
 * They are enforced twice, from the same declarations:
 * - by the hub's gateway: @apollo/gateway refuses supergraphs that use these SECURITY features, so
 *   it reads them out of the supergraph, loads the supergraph without them, and enforces them itself
 *   (`enforceSecurity`) before any subgraph is called;
 * - by every subgraph, on its own SDL, for every operation it receives (lib/subgraph/runtime.ts), so that a
 *   router that enforces nothing (or a request that bypassed the router) still gets nothing the
 *   caller may not see.
 */
export interface SecurityRequirements {
  /** `Type.field` coordinates and type names that need a signed-in caller. */
  authenticated: ReadonlySet<string>;
  /** Coordinates and type names that need one of these scope sets (each set: all of its scopes). */
  scopes: ReadonlyMap<string, readonly (readonly string[])[]>;
}

const SECURITY_SPECS = ['https://specs.apollo.dev/authenticated/', 'https://specs.apollo.dev/requiresScopes/'];
const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);

function scopesOf(directive: ConstDirectiveNode): string[][] {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === 'scopes');
  if (argument?.value.kind !== Kind.LIST) return [];
  return argument.value.values.map((set) => (set.kind === Kind.LIST ? set.values.flatMap((scope) => (scope.kind === Kind.STRING ? [scope.value] : [])) : []));
}

function isSecurityLink(directive: DirectiveNode): boolean {
  if (directive.name.value !== 'link') return false;
  const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value;
  return url?.kind === Kind.STRING && SECURITY_SPECS.some((spec) => url.value.startsWith(spec));
}

/** The requirements of a supergraph, and the supergraph without the SECURITY features for @apollo/gateway. */
export function splitSecurity(supergraphSdl: string): { gatewaySdl: string; requirements: SecurityRequirements } {
  const authenticated = new Set<string>();
  const scopes = new Map<string, string[][]>();
  const document = parse(supergraphSdl);
  const record = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      if (directive.name.value === 'authenticated') authenticated.add(coordinate);
      if (directive.name.value === 'requiresScopes') scopes.set(coordinate, scopesOf(directive));
    }
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      record(definition.name.value, definition.directives);
      for (const field of definition.fields ?? []) record(`${definition.name.value}.${field.name.value}`, field.directives);
    } else if (definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      record(definition.name.value, definition.directives);
    }
  }
  const stripped = visit(document, {
    Directive(node) {
      if (SECURITY_DIRECTIVES.has(node.name.value) || isSecurityLink(node)) return null;
      return undefined;
    },
    DirectiveDefinition(node) {
      return SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
    ScalarTypeDefinition(node) {
      return node.name.value.startsWith('requiresScopes__') ? null : undefined;
    },
  });
  return { gatewaySdl: print(stripped), requirements: { authenticated, scopes } };
}

/**
 * What `touched` found, per schema, document and operation name. Apollo Server hands every request
 * with the same query text the same parsed document (its document store), so an operation that
 * repeats (every subgraph request a router plans, every query of an app) is walked once, not on
 * each request (it was about 3 % of a subgraph's CPU). Weak keys: a document the store evicts
 * takes its entry along. Only names of operations the document holds are kept, so callers choosing
 * made-up names cannot grow it.
 */
const touchedByDocument = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, ReadonlySet<string>>>>();

function touched(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): ReadonlySet<string> {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName ? operations.filter((operation) => operation.name?.value === operationName) : operations;
  if (chosen.length === 0) return walkTouched(schema, document, chosen);
  let byDocument = touchedByDocument.get(schema);
  if (!byDocument) touchedByDocument.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map<string, ReadonlySet<string>>()));
  const key = operationName ?? '';
  let coordinates = byOperation.get(key);
  if (!coordinates) byOperation.set(key, (coordinates = walkTouched(schema, document, chosen)));
  return coordinates;
}

/** The coordinates (`Type.field`, and the field's named return type) the `chosen` operations of a document touch. */
function walkTouched(schema: GraphQLSchema, document: DocumentNode, chosen: readonly DefinitionNode[]): Set<string> {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited wherever they are defined; an unused fragment is a validation error already.
  const relevant: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((definition) => definition.kind !== Kind.OPERATION_DEFINITION || chosen.includes(definition)),
  };
  visit(
    relevant,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        coordinates.add(`${parent.name}.${field.name}`);
        // The type a field returns, and the type it is selected on (reached through a union or an
        // interface by an inline fragment, e.g. `... on Incident`).
        coordinates.add(getNamedType(field.type).name);
        coordinates.add(parent.name);
      },
    }),
  );
  return coordinates;
}

/**
 * Refuses an operation that touches an `@authenticated` element without a signed-in caller
 * (UNAUTHENTICATED), or a `@requiresScopes` element without one of its scope sets (FORBIDDEN).
 */
export function enforceSecurity(
  requirements: SecurityRequirements,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  caller: Caller,
): void {
  // Other subgraphs and jobs act on the service's own behalf, outside users' roles and scopes.
  if (caller.role === 'SYSTEM') return;
  const anonymous = caller.role === 'ANONYMOUS';
  if (!anonymous && requirements.scopes.size === 0) return;
  for (const coordinate of touched(schema, document, operationName)) {
    if (anonymous && (requirements.authenticated.has(coordinate) || requirements.scopes.has(coordinate))) {
      throw new GraphQLError(`${coordinate} needs a signed-in caller: send Authorization: Bearer <token>`, {
        extensions: { code: ErrorCode.UNAUTHENTICATED, coordinate, http: { status: 401 } },
      });
    }
    const sets = requirements.scopes.get(coordinate);
    if (sets && !sets.some((set) => set.every((scope) => scopeHeld(caller, scope)))) {
      throw new GraphQLError(`${coordinate} needs the scope ${sets.map((set) => set.join(' + ')).join(' or ')}`, {
        extensions: { code: ErrorCode.FORBIDDEN, coordinate, http: { status: 403 } },
      });
    }
  }
}

function scopeHeld(caller: Caller, scope: string): boolean {
  return (caller.grantedScopes ?? caller.scopes).includes(scope);
}
