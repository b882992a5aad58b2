import { Kind, type SelectionSetNode } from 'graphql';
import type { FetchNode, FlattenNode, PlanNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import { entityFetchOf } from './entity-batching.js';

/**
 * Fewer subgraph requests per operation: an entity fetch that the planner runs at once, beside a
 * chain of steps that asks the same subgraph again later, waits and joins that later fetch, so
 * entity batching (entity-batching.ts) sends both in one request. The community dashboard's plan
 * asks resource-pools for the communities' demands at once, while its other branch asks co-building
 * for the pairings and then resource-pools for the units' resources; joined, resource-pools gets one
 * request instead of two, and the dashboard costs four subgraph requests instead of five. The unit
 * view's grids fetches join the same way (docs/performance.md).
 *
 * What it costs: the joined fetch's answer comes one step later. The step it joins is on the
 * operation's longest chain already (it waits for that chain's earlier steps), so the operation as a
 * whole waits for the same chain; only the joined request is a little larger.
 *
 * When it is safe: the planner put the fetch beside the whole chain, so nothing in the chain reads
 * what it returns, and its own inputs (the entities' keys) were there before the chain started.
 * The move checks the first point again rather than trusting it: no fetch of the chain up to the
 * step it joins may have one of its fields in its Flatten path or its `requires` (compared by field
 * name at any depth, which errs towards leaving the plan as it is). Anything the executor does not
 * know well (context rewrites, @defer) leaves the plan as planned.
 */
export function joinLaterFetches(node: PlanNode): PlanNode {
  switch (node.kind) {
    case 'Sequence':
      return { ...node, nodes: node.nodes.map(joinLaterFetches) };
    case 'Flatten':
      return { ...node, node: joinLaterFetches(node.node) };
    case 'Condition':
      return {
        ...node,
        ifClause: node.ifClause && joinLaterFetches(node.ifClause),
        elseClause: node.elseClause && joinLaterFetches(node.elseClause),
      };
    case 'Parallel':
      return joinInParallel(node.nodes.map(joinLaterFetches));
    default:
      return node;
  }
}

/** An entity fetch of a Parallel node's own: a Fetch with `requires`, alone or under one Flatten. */
interface EntityFetchStep {
  fetch: FetchNode;
  node: FetchNode | FlattenNode;
}

function entityFetchStep(node: PlanNode): EntityFetchStep | undefined {
  const fetch = node.kind === 'Flatten' ? node.node : node;
  if (fetch.kind !== 'Fetch' || !fetch.requires || fetch.contextRewrites?.length || entityFetchOf(fetch.operation) === null) return undefined;
  return { fetch, node: node as FetchNode | FlattenNode };
}

function joinInParallel(children: PlanNode[]): PlanNode {
  const remaining = [...children];
  for (const candidate of children) {
    const moving = entityFetchStep(candidate);
    if (!moving) continue;
    const written = writtenFields(moving.fetch);
    if (written === undefined) continue;
    for (let chainIndex = 0; chainIndex < remaining.length; chainIndex++) {
      const chain = remaining[chainIndex]!;
      if (chain.kind !== 'Sequence') continue;
      const target = laterStepOf(chain.nodes, moving.fetch.serviceName, written);
      if (target === undefined) continue;
      const step = chain.nodes[target]!;
      const joined: PlanNode = step.kind === 'Parallel' ? { ...step, nodes: [...step.nodes, moving.node] } : { kind: 'Parallel', nodes: [step, moving.node] };
      remaining[chainIndex] = { ...chain, nodes: chain.nodes.map((node, index) => (index === target ? joined : node)) };
      remaining.splice(remaining.indexOf(candidate), 1);
      break;
    }
  }
  return remaining.length === 1 ? remaining[0]! : { kind: 'Parallel', nodes: remaining };
}

/**
 * The index of the first step after the chain's first that asks `serviceName` for entities (alone or
 * in a Parallel), if no step up to it reads any of `written`; else undefined.
 */
function laterStepOf(steps: readonly PlanNode[], serviceName: string, written: ReadonlySet<string>): number | undefined {
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (!readsNone(step, written)) return undefined;
    if (index === 0) continue; // already running beside the fetch: batching joins them as planned
    const fetches = step.kind === 'Parallel' ? step.nodes : [step];
    if (fetches.some((node) => entityFetchStep(node)?.fetch.serviceName === serviceName)) return index;
  }
  return undefined;
}

/** Whether no fetch under the node walks through or requires a field named in `written`. */
function readsNone(node: PlanNode, written: ReadonlySet<string>): boolean {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every((child) => readsNone(child, written));
    case 'Flatten':
      return node.path.every((step) => typeof step !== 'string' || !written.has(step)) && readsNone(node.node, written);
    case 'Condition':
      return (!node.ifClause || readsNone(node.ifClause, written)) && (!node.elseClause || readsNone(node.elseClause, written));
    case 'Fetch':
      return !node.contextRewrites?.length && (node.requires ?? []).every((selection) => selectionAvoids(selection, written));
    default:
      return false;
  }
}

function selectionAvoids(selection: QueryPlanSelectionNode, written: ReadonlySet<string>): boolean {
  if (selection.kind === 'Field' && (written.has(selection.name) || (selection.alias !== undefined && written.has(selection.alias)))) return false;
  return (selection.selections ?? []).every((child) => selectionAvoids(child, written));
}

/**
 * The names (fields and aliases) an entity fetch writes into its entities: the first level of its
 * `_entities` selection, through inline fragments, without `__typename` (every entity has it
 * already). Undefined when the selection holds something else (a fragment spread).
 */
function writtenFields(fetch: FetchNode): Set<string> | undefined {
  const entities = entityFetchOf(fetch.operation)?.entities;
  if (!entities?.selectionSet) return undefined;
  const names = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) return collect(selection.selectionSet);
      if (selection.kind !== Kind.FIELD) return false;
      if (selection.name.value !== '__typename') {
        names.add(selection.name.value);
        if (selection.alias) names.add(selection.alias.value);
      }
      return true;
    });
  return collect(entities.selectionSet) ? names : undefined;
}
