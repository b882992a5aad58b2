import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectPath } from '../lib/kernel/project-root.js';
import { PEER_NAMES, type PeerName } from '../lib/subgraph/peer-client.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { planStreet } from '../seed/plan.js';
import { asService, testPeers } from './support/auth.js';
import { postGraphQL } from './support/hub.js';
import { startSeededSubgraph, type SeededSubgraph } from './support/seeded-subgraph.js';
import { allPeerOperations, INLINE_TOPICS, OUTBOX_TOPICS, SOURCES, type AnyPeerOperation } from './support/service-edges.js';

/**
 * docs/architecture.md draws every runtime edge between services. The code is the truth: each peer
 * operation and outbox topic the sources define must be named there (and nothing else), and a
 * handler that serves a peer call must not make one (no call chains, hence no cycles).
 */

const DOC = readFileSync(projectPath('docs', 'architecture.md'), 'utf8');

/** The rows of the first table under the `## <heading>` section, as trimmed cells. */
function tableUnder(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  if (section === undefined) throw new Error(`docs/architecture.md has no section "## ${heading}"`);
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  // The header and the |---| line come first.
  return rows.slice(2).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

const backticked = (cell: string) => /^`([^`]+)`$/.exec(cell)?.[1] ?? cell;
const MERMAID = /```mermaid\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';

/** Each documented peer call: who calls (a relay, for outbox deliveries), the operation's name, whom. */
const DOCUMENTED_CALLS = tableUnder('Peer calls').map(([callers = '', operation = '', called = '']) => ({
  callers: callers.replace(/\s*\(outbox relay\)$/, '').split(/,\s*/),
  viaRelay: callers.endsWith('(outbox relay)'),
  name: backticked(operation),
  called,
}));

const DOCUMENTED_TOPICS = tableUnder('Outbox events').map(([topic = '', senders = '']) => ({ topic: backticked(topic), senders: senders.split(/,\s*/) }));

/** The sources of one subgraph, as one text. */
const sourcesOf = (subgraph: string) =>
  SOURCES.filter(({ path }) => path.startsWith(`subgraphs/${subgraph}/`))
    .map(({ text }) => text)
    .join('\n');

describe('docs/architecture.md', () => {
  it('names every peer operation the code defines, with the subgraph it calls, and no other', async () => {
    const inCode = (await allPeerOperations()).map(({ operation }) => `${operation.name} → ${operation.target}`).sort();
    expect(DOCUMENTED_CALLS.map((call) => `${call.name} → ${call.called}`).sort()).toEqual(inCode);
  });

  it('names callers that use the operation: directly, or through the outbox relay of the module that defines it', async () => {
    const operations = await allPeerOperations();
    for (const call of DOCUMENTED_CALLS) {
      const defined = operations.find(({ operation }) => operation.name === call.name)!;
      const module = defined.path.replace(/^subgraphs\//, '').replace(/\.ts$/, '.js');
      for (const caller of call.callers) {
        expect(PEER_NAMES).toContain(caller);
        const sources = sourcesOf(caller);
        const uses = call.viaRelay ? sources.includes(module) && /Relay\(/.test(sources) : sources.includes(defined.exportName);
        expect({ caller, operation: call.name, uses }).toEqual({ caller, operation: call.name, uses: true });
      }
    }
  });

  it('names every outbox topic the code defines, and no other; topics are never written inline', () => {
    expect(DOCUMENTED_TOPICS.map(({ topic }) => topic).sort()).toEqual(OUTBOX_TOPICS.map(({ topic }) => topic).sort());
    expect(INLINE_TOPICS).toEqual([]);
    for (const { senders } of DOCUMENTED_TOPICS) for (const sender of senders) expect(PEER_NAMES).toContain(sender);
  });

  it('draws every direct peer call and outbox topic in its diagram (a relay’s delivery is drawn as its topic)', () => {
    const direct = DOCUMENTED_CALLS.filter((call) => !call.viaRelay).map((call) => call.name);
    for (const name of [...direct, ...DOCUMENTED_TOPICS.map(({ topic }) => topic)]) {
      expect({ name, drawn: MERMAID.includes(name) }).toEqual({ name, drawn: true });
    }
  });
});

/** The files every subgraph has (docs/overview.md): a developer who knows one finds them in the others. */
const SUBGRAPH_FILES = ['schema.graphql', 'migrations', 'store.ts', 'loaders.ts', 'resolvers', 'domain', 'context.ts', 'server.ts', 'env.ts', 'main.ts'];

/** The sources of a folder below a subgraph, by file name (tests left out). */
function sourcesIn(...path: string[]): { file: string; text: string }[] {
  const folder = projectPath(...path);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => ({ file, text: readFileSync(`${folder}/${file}`, 'utf8') }));
}

describe('every subgraph', () => {
  it.each(SUBGRAPH_NAMES)('%s has the same files as the others, its rules in domain/ (policy.ts where it has mutations)', (name) => {
    expect(SUBGRAPH_FILES.filter((file) => !existsSync(projectPath('subgraphs', name, file)))).toEqual([]);
    expect(sourcesIn('subgraphs', name, 'domain').length).toBeGreaterThan(0);
    const hasMutations = /^type Mutation\b/m.test(readFileSync(projectPath('subgraphs', name, 'schema.graphql'), 'utf8'));
    expect({ name, policy: existsSync(projectPath('subgraphs', name, 'domain', 'policy.ts')) }).toEqual({ name, policy: hasMutations });
  });

  it.each(SUBGRAPH_NAMES)(
    '%s decides which rows a caller reads in SQL: no resolver filters loaded rows by the caller (docs/security.md → Scoped reads)',
    (name) => {
      const postFilters = sourcesIn('subgraphs', name, 'resolvers').flatMap(({ file, text }) =>
        [
          // (await loaders.x.load(id)).filter((row) => isListed(caller, row))
          ...text.matchAll(/\.filter\(\(?\w*\)?\s*=>[^;]{0,120}?\bcaller\b/g),
          // row && isListed(caller, row) ? row : null
          ...text.matchAll(/\w+ && \w+\(caller, \w+\) \? \w+ : null/g),
        ].map((match) => `${file}: ${match[0]}`),
      );
      expect(postFilters).toEqual([]);
    },
  );
});

describe('a handler that serves a peer call', () => {
  const plan = planStreet(1);
  const unit = plan.units[0]!;
  const member = plan.inServiceMembers[0]!;
  const community = plan.communities[0]!;
  const grid = plan.grids[0]!;
  const units = (ids: readonly string[]) => ({ representations: ids.map((id) => ({ __typename: 'CoBuildingUnit', id })) });
  /** A call each operation's handler answers in full on seeded data; a new operation needs one here. */
  const EXAMPLES: Record<string, Record<string, unknown>> = {
    GridOfDemand: { id: grid.id },
    CommunityOfDemand: { id: community.id },
    PartnerUnits: units(plan.units.slice(0, 5).map((u) => u.id)),
    ReportingMember: { id: member.id },
    ServedCommunity: { id: community.id },
    KnownStreet: { id: plan.street.id },
    UnitPairings: units([unit.id]),
    UnitServedCommunities: units([unit.id]),
    RecordCreditEvent: {
      input: {
        unitId: unit.id,
        reason: 'RATING_RECEIVED',
        rating: 4,
        source: { subgraph: 'resource-pools', type: 'Demand', id: 'demand-architecture-test' },
        occurredAt: '2026-11-01T00:00:00Z',
      },
    },
    RecordOrderFulfilment: {
      input: {
        orderId: 'demand-architecture-test',
        unitId: unit.id,
        communityId: community.id,
        demandSource: 'MICRO_WISH',
        fulfilledAt: '2026-11-01T00:00:00Z',
      },
    },
  };

  /** Stands in for every peer of the subgraphs under test: counts what reaches it and answers 503. */
  let recorder: Server;
  const heard: string[] = [];
  const subgraphs = new Map<PeerName, SeededSubgraph>();
  let operations: { exportName: string; operation: AnyPeerOperation }[];

  beforeAll(async () => {
    recorder = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        heard.push(body.slice(0, 200));
        response.writeHead(503).end();
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    const recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/graphql`;
    operations = await allPeerOperations();
    const targets = [...new Set(operations.map(({ operation }) => operation.target))];
    for (const target of targets) {
      const peers = testPeers(target, Object.fromEntries(PEER_NAMES.filter((peer) => peer !== target).map((peer) => [peer, recorderUrl])));
      subgraphs.set(target, await startSeededSubgraph(target, { peers }));
    }
  });
  afterAll(async () => {
    for (const subgraph of subgraphs.values()) await subgraph.stop();
    await new Promise((resolve) => recorder?.close(resolve));
  });

  it('answers from its own database and makes no peer call itself', async () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(operations.map(({ operation }) => operation.name).sort());
    for (const { operation } of operations) {
      heard.length = 0;
      const { url } = subgraphs.get(operation.target)!.subgraph;
      const answer = await postGraphQL(url, operation.document, EXAMPLES[operation.name], {
        token: null,
        sign: asService('architecture-test', operation.target),
      });
      expect({ operation: operation.name, errors: answer.errors, answered: Object.values(answer.data ?? {}).every((value) => value !== null) }).toEqual({
        operation: operation.name,
        errors: undefined,
        answered: true,
      });
      expect({ operation: operation.name, peerCalls: heard }).toEqual({ operation: operation.name, peerCalls: [] });
    }
  });
});
