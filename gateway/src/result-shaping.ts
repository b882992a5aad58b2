import {
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  Variable,
  type CompositeType,
  type Directive,
  type Field,
  type FragmentElement,
  type NamedType,
  type Operation,
  type Schema,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

/**
 * The client's result cut out of the merged subgraph answers, after the operation: what
 * @apollo/gateway's `computeResponse` (resultShaping.js) does, rule for rule — aliases, `__typename`,
 * type conditions, @skip/@include, leaf values checked against their types, nulls propagated up to
 * the nearest nullable field with an error — but with everything that depends only on the
 * operation worked out once per prepared operation. Apollo's re-reads the operation for every
 * request (each selection's directives, each field's definition and type, subtyping of each type
 * condition) and allocates a result record for every value it visits; under the distinct-variable
 * load that was about 6 % of the gateway's CPU, and its garbage more.
 *
 * `compileShape` returns null for an operation it does not take (a response name that is not a
 * safe property name); the caller then runs Apollo's `computeResponse`.
 */
export interface ResultShape {
  /** The result for `input` (the merged answers), and the value-completion errors met on the way. */
  shape(input: Record<string, unknown>, variables: Readonly<Record<string, unknown>>): { data: Record<string, unknown> | null; errors: GraphQLError[] };
}

type Data = Record<string, unknown>;

/** One @skip or @include of a selection: its `if` as a literal or as a variable. */
interface Condition {
  skip: boolean;
  literal: boolean;
  variable: string | undefined;
  /** `$name` and the directive as Apollo prints them in its error for a missing variable. */
  variableText: string;
  directiveText: string;
}

interface ShapeField {
  kind: 'field';
  conditions: readonly Condition[] | undefined;
  responseName: string;
  /** The field is `__typename` (under any alias). */
  typename: boolean;
  type: ShapeType;
  selectionSet: ShapeSelectionSet | undefined;
}

interface ShapeFragment {
  kind: 'fragment';
  conditions: readonly Condition[] | undefined;
  typeCondition: CompositeType | undefined;
  /** Whether the type condition holds for a type, by type name (memoised: the answer never changes). */
  holds: Map<string, boolean>;
  selectionSet: ShapeSelectionSet;
}

type ShapeSelectionSet = readonly (ShapeField | ShapeFragment)[];

type LeafCheck = 'any' | 'boolean' | 'int' | 'id' | 'float' | 'string' | 'enum';

type ShapeType =
  | { kind: 'nonNull'; type: Type; ofType: ShapeType }
  | { kind: 'list'; type: Type; ofType: ShapeType }
  | { kind: 'composite'; type: Type }
  | { kind: 'leaf'; type: Type; check: LeafCheck; enumValues: ReadonlySet<string> | undefined };

/** A name that must not become an ordinary property of a plain object. */
const UNSAFE_NAMES = new Set(['__proto__']);

const hasOwn = (object: object, name: string) => Object.prototype.hasOwnProperty.call(object, name);

/**
 * Apollo's federation-internals `assert` failing: the same errors for the same malformed answers.
 * Called as `if (!condition) malformed(message)`, not with the message in a closure: a closure over
 * the value being shaped made V8 allocate the function's variables on the heap for every value
 * visited (nine tenths of the shaping's garbage, about 150 kB per dashboard).
 */
function malformed(message: string): never {
  throw new Error(message);
}

export function compileShape(operation: Operation): ResultShape | null {
  const schema = operation.schema();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) return null;
  const types = new Map<Type, ShapeType>();
  const compiled = new Map<SelectionSet, ShapeSelectionSet | null>();

  function typeOf(type: Type): ShapeType {
    let shape = types.get(type);
    if (shape) return shape;
    if (isNonNullType(type)) shape = { kind: 'nonNull', type, ofType: typeOf(type.ofType as Type) };
    else if (isListType(type)) shape = { kind: 'list', type, ofType: typeOf(type.ofType as Type) };
    else if (isCompositeType(type)) shape = { kind: 'composite', type };
    else shape = { kind: 'leaf', type, check: leafCheck(type), enumValues: isEnumType(type) ? new Set(type.values.map((value) => value.name)) : undefined };
    types.set(type, shape);
    return shape;
  }

  // federation-internals' isValidLeafValue, decided per type once.
  function leafCheck(type: Type): LeafCheck {
    if (isCustomScalarType(type)) return 'any';
    if (isEnumType(type)) return 'enum';
    if (type === schema.booleanType()) return 'boolean';
    if (type === schema.intType()) return 'int';
    if (type === schema.idType()) return 'id';
    if (type === schema.floatType()) return 'float';
    return 'string';
  }

  function conditionsOf(element: Field | FragmentElement): Condition[] | undefined {
    const conditions: Condition[] = [];
    const skip: Directive<Field | FragmentElement> | undefined = element.appliedDirectivesOf(schema.skipDirective())[0];
    const include: Directive<Field | FragmentElement> | undefined = element.appliedDirectivesOf(schema.includeDirective())[0];
    for (const [directive, isSkip] of [
      [skip, true],
      [include, false],
    ] as const) {
      if (!directive) continue;
      const argument = (directive.arguments() as { if?: unknown }).if;
      conditions.push({
        skip: isSkip,
        literal: argument === true,
        variable: argument instanceof Variable ? argument.name : undefined,
        variableText: String(argument),
        directiveText: String(directive),
      });
    }
    return conditions.length ? conditions : undefined;
  }

  function selectionSetOf(selectionSet: SelectionSet): ShapeSelectionSet | null {
    if (compiled.has(selectionSet)) return compiled.get(selectionSet)!;
    const result: (ShapeField | ShapeFragment)[] = [];
    compiled.set(selectionSet, result);
    for (const selection of selectionSet.selections()) {
      const conditions = conditionsOf(selection.element);
      const inner = selection.selectionSet ? selectionSetOf(selection.selectionSet) : undefined;
      if (inner === null) return fail();
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        if (field.definition.isSchemaIntrospectionField()) return fail();
        const responseName = field.responseName();
        if (UNSAFE_NAMES.has(responseName)) return fail();
        result.push({
          kind: 'field',
          conditions,
          responseName,
          typename: field.name === '__typename',
          type: typeOf(field.definition.type!),
          selectionSet: inner,
        });
      } else {
        if (!inner) return fail();
        result.push({ kind: 'fragment', conditions, typeCondition: selection.element.typeCondition, holds: new Map(), selectionSet: inner });
      }
    }
    return result;

    function fail(): null {
      compiled.set(selectionSet, null);
      return null;
    }
  }

  const root = selectionSetOf(operation.selectionSet);
  if (!root) return null;
  const defaults = operation.collectDefaultedVariableValues() as Data;
  return {
    shape(input, variables) {
      const run = new ShapingRun(schema, variables, defaults);
      const data: Data = {};
      const result = run.applySelectionSet(input, root, data, [], rootType);
      return { data: result === BUBBLE_UP ? null : data, errors: run.errors };
    },
  };
}

const OK = 0;
const BUBBLE_UP = 1;

/** One request's shaping: its variables, its errors, and the flags of the last updateOutputValue. */
class ShapingRun {
  readonly errors: GraphQLError[] = [];
  /** Set by each updateOutputValue for its caller: the value is null where null is not allowed. */
  private invalid = false;
  /** Set by each updateOutputValue: an error was reported for this value (so no second one is). */
  private errored = false;

  constructor(
    private readonly schema: Schema,
    private readonly variables: Readonly<Data>,
    private readonly defaults: Readonly<Data>,
  ) {}

  private skipped(conditions: readonly Condition[]): boolean {
    for (const condition of conditions) {
      let value: unknown = condition.literal;
      if (condition.variable !== undefined) {
        const name = condition.variable;
        value = hasOwn(this.variables, name) ? this.variables[name] : this.defaults[name];
        if (value === undefined || typeof value !== 'boolean') {
          malformed(`Unexpected value ${String(value)} for variable ${condition.variableText} of ${condition.directiveText}`);
        }
      }
      if (condition.skip ? value === true : value !== true) return true;
    }
    return false;
  }

  private typeConditionHolds(fragment: ShapeFragment, typename: string | undefined, parentType: NamedType): boolean {
    const condition = fragment.typeCondition;
    if (!condition) return true;
    const name = typename || parentType.name;
    let holds = fragment.holds.get(name);
    if (holds === undefined) {
      const type = typename ? this.schema.type(typename) : parentType;
      holds = !!type && isSubtype(condition, type);
      fragment.holds.set(name, holds);
    }
    return holds;
  }

  applySelectionSet(input: Data, selections: ShapeSelectionSet, output: Data, path: (string | number)[], parentType: NamedType): number {
    for (const selection of selections) {
      if (selection.conditions && this.skipped(selection.conditions)) continue;
      if (selection.kind === 'field') {
        const responseName = selection.responseName;
        const outputValue = hasOwn(output, responseName) ? output[responseName] : undefined;
        let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
        if (selection.typename) {
          if (outputValue === undefined) {
            if (inputValue === null && responseName !== '__typename') inputValue = input.__typename ?? null;
            const type = inputValue !== null && typeof inputValue === 'string' ? (this.schema.type(inputValue) ?? parentType) : parentType;
            if (!isObjectType(type)) return BUBBLE_UP;
            output[responseName] = type.name;
          }
          continue;
        }
        path.push(responseName);
        output[responseName] = this.updateOutputValue(outputValue, selection.type, inputValue, selection.selectionSet, path, parentType);
        path.pop();
        if (this.invalid) return BUBBLE_UP;
      } else {
        const typename = input.__typename;
        if (typename && typeof typename !== 'string') malformed(`Got unexpected value for __typename: ${asText(typename)}`);
        if (this.typeConditionHolds(selection, (typename as string | undefined) || undefined, parentType)) {
          const result = this.applySelectionSet(input, selection.selectionSet, output, path, selection.typeCondition ?? parentType);
          if (result === BUBBLE_UP) return BUBBLE_UP;
        }
      }
    }
    return OK;
  }

  private done(value: unknown, invalid: boolean, errored: boolean): unknown {
    this.invalid = invalid;
    this.errored = errored;
    return value;
  }

  private updateOutputValue(
    outputValue: unknown,
    type: ShapeType,
    inputValue: unknown,
    selectionSet: ShapeSelectionSet | undefined,
    path: (string | number)[],
    parentType: NamedType,
  ): unknown {
    if (outputValue === null || (outputValue !== undefined && !selectionSet)) return this.done(outputValue, false, false);
    if (type.kind === 'nonNull') {
      const updated = this.updateOutputValue(outputValue, type.ofType, inputValue, selectionSet, path, parentType);
      if (updated === null) {
        if (!this.errored) {
          this.errors.push(
            ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, type.ofType.type, parentType)}.`, { path: Array.from(path) }),
          );
        }
        return this.done(null, true, true);
      }
      return this.done(updated, false, false);
    }
    if (inputValue === null) return this.done(null, false, false);
    if (type.kind === 'list') {
      if (!Array.isArray(inputValue)) malformed(`Invalid non-list value ${asText(inputValue)} returned by subgraph for list type ${String(type.type)}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) {
        malformed(`Invalid non-list value ${asText(outputValue)} returned by subgraph for list type ${String(type.type)}`);
      }
      const existing = outputValue as unknown[] | undefined;
      const length = existing === undefined ? inputValue.length : existing.length;
      if (inputValue.length !== length) malformed(`[${asText(inputValue)}].length (${inputValue.length}) !== [${asText(existing)}].length (${length})`);
      let nullify = false;
      let errored = false;
      const updated = new Array<unknown>(length);
      for (let index = 0; index < length; index++) {
        path.push(index);
        updated[index] = this.updateOutputValue(existing?.[index], type.ofType, inputValue[index] as unknown, selectionSet, path, parentType);
        path.pop();
        nullify ||= this.invalid;
        errored ||= this.errored;
      }
      return this.done(nullify ? null : updated, false, errored);
    }
    if (type.kind === 'composite') {
      if (!selectionSet) malformed(`Invalid empty selection set for composite type ${String(type.type)}`);
      if (typeof inputValue !== 'object') {
        malformed(`Invalid non-object value ${asText(inputValue)} returned by subgraph for composite type ${String(type.type)}`);
      }
      if (outputValue !== undefined && typeof outputValue !== 'object') {
        malformed(`Invalid non-object value ${asText(inputValue)} returned by subgraph for composite type ${String(type.type)}`);
      }
      const input = inputValue as Data;
      const inputTypename = input.__typename;
      if (inputTypename !== undefined && typeof inputTypename !== 'string') {
        malformed(`Invalid non-string value ${asText(inputTypename)} for __typename at ${String(path)}`);
      }
      let objectType = type.type as NamedType;
      if (inputTypename) {
        const typenameType = this.schema.type(inputTypename);
        if (!typenameType || !isCompositeType(typenameType)) {
          this.errors.push(
            ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, type.type, parentType)}.`, { path: Array.from(path) }),
          );
          return this.done(null, false, true);
        }
        objectType = typenameType;
      }
      const output = (outputValue as Data | undefined) ?? {};
      const bubbled = this.applySelectionSet(input, selectionSet, output, path, objectType) === BUBBLE_UP;
      return this.done(bubbled ? null : output, false, bubbled);
    }
    if (outputValue !== undefined) malformed(`Excepted output to be undefined but got ${String(type.type)} for type ${String(type.type)}`);
    if (validLeaf(type.check, type.enumValues, inputValue)) return this.done(inputValue, false, false);
    this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type.type, parentType)}.`, { path: Array.from(path) }));
    return this.done(null, false, true);
  }
}

/** A value as Apollo's template literals print it in the messages of its asserts ('[object Object]' included). */
function asText(value: unknown): string {
  return String(value);
}

/**
 * The largest magnitude JavaScript prints without an exponent: federation-internals tests
 * `String(value)` against /^-?(?:0|[1-9][0-9]*)$/, which an integer from here on (`1e+21`) fails.
 */
const EXPONENT_FROM = 1e21;

/** federation-internals' isValidLeafValue, with the type's part decided in advance (leafCheck). */
function validLeaf(check: LeafCheck, enumValues: ReadonlySet<string> | undefined, value: unknown): boolean {
  if (check === 'any') return true;
  if (typeof value === 'boolean') return check === 'boolean';
  if (typeof value === 'number' && isFinite(value)) {
    // Its integer test without the string it printed for every Int and numeric ID.
    if (check === 'int' || check === 'id') return Number.isInteger(value) && Math.abs(value) < EXPONENT_FROM;
    return check === 'float';
  }
  if (typeof value === 'string') {
    if (check === 'enum') return enumValues!.has(value);
    return check !== 'boolean' && check !== 'int' && check !== 'float';
  }
  return false;
}

/** The end of a path as Apollo's errors describe it. */
function describe(path: readonly (string | number)[], currentType: Type, parentType: NamedType): string {
  const element = path[path.length - 1];
  if (element === undefined) malformed('Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${String(parentType)}.${element}` : `array element of type ${String(currentType)} at index ${element}`;
}
