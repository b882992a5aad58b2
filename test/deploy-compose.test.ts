import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase, withDatabaseName } from '../lib/kernel/database.js';
import { findFreePort } from '../hub/free-port.js';
import { projectPath } from '../lib/kernel/project-root.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { SEEDERS } from '../seed/index.js';
import { planStreet } from '../seed/plan.js';
import { TEST_INTERNAL_SECRETS, TEST_JWT_SECRET, TEST_ROUTER_SECRETS } from './support/auth.js';
import { ensureCompiled } from './support/compiled.js';
import { testServerUrl } from './support/databases.js';
import { postGraphQL } from './support/hub.js';
import {
  bindMounts,
  composeEnvironment,
  composeFile,
  copyOf,
  dockerStages,
  isBuildCurrent,
  kubernetesManifests,
  sourceOfEntry,
  type ComposeService,
} from './support/deploy-files.js';

/**
 * deploy/compose.yaml run on loopback without Docker: each service's command as a local process
 * with its environment from compose.yaml (Docker's hostnames mapped to 127.0.0.1, ports to free
 * ports, the PostgreSQL service replaced by the test run's server with one fresh database per
 * subgraph), started in depends_on order, each awaited on /health; then queries through the gateway
 * that need all four subgraphs and the subgraphs' calls to each other.
 *
 * With a current build (`npm run build && npm run build:explorer`) the processes run the compiled
 * entry points from a folder laid out as deploy/Dockerfile's runtime stage lays out the image, so a
 * file the image lacks fails here; otherwise they run the sources, as the test run compiled them
 * (test/support/compiled.ts: what tsx would run, without its loader's cost in every process).
 */

const compose = composeFile();
/** deploy/.env for this run: the test secrets the test helpers sign and verify with. */
const ENV_FILE: Record<string, string> = {
  JWT_SECRET: TEST_JWT_SECRET,
  HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
  HUB_INTERNAL_SECRETS: TEST_INTERNAL_SECRETS.join(','),
  // The compose PostgreSQL is replaced by the test run's server (its own credentials).
  POSTGRES_PASSWORD: 'not-used-here',
};
/** Services of the default profile built from the hub image (PostgreSQL is the test run's server). */
const hubServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined && service.profiles === undefined);
const composeServiceNames = new Set(Object.keys(compose.services));
const START_TIMEOUT_MS = 120_000;
/** Whether the processes run the build's compiled entry points (from the image's layout) or the sources (compiled by the run). */
const COMPILED = isBuildCurrent(hubServices.map(([, service]) => service.command![1]!));

interface RunningService {
  name: string;
  port: number;
  env: Record<string, string>;
  child: ChildProcess;
  output(): string;
  /** The exit code, or the signal that ended the process. */
  exited: Promise<number | string | null>;
}

let layout: { root: string; compiled: boolean; remove(): Promise<void> };
/** The run's compiled sources (test/support/compiled.ts), when there is no current build. */
let sourcesBuild: string;
const running = new Map<string, RunningService>();
const databases: string[] = [];
const startOrder: string[][] = [];

/**
 * A folder holding what deploy/Dockerfile's runtime stage copies into /app (from dist/ and the
 * sources), its production node_modules standing in as a link to this tree's.
 */
async function imageLayout(): Promise<string> {
  const runtime = dockerStages().at(-1)!;
  const workdir = runtime.instructions.find((instruction) => instruction.keyword === 'WORKDIR')!.args[0]!;
  const root = await mkdtemp(join(tmpdir(), 'hub-image-'));
  for (const instruction of runtime.instructions.filter((candidate) => candidate.keyword === 'COPY')) {
    const { sources, destination } = copyOf(instruction);
    for (const source of sources) {
      const relativeSource = posix.relative(workdir, source);
      const target = join(root, destination.endsWith('/') ? join(destination, basename(source)) : destination);
      if (relativeSource === 'node_modules') {
        await symlink(projectPath('node_modules'), target);
      } else {
        await mkdir(join(target, '..'), { recursive: true });
        await cp(projectPath(relativeSource), target, { recursive: true });
      }
    }
  }
  return root;
}

/** `host:port` of each hub service inside Docker's network → its address on loopback. */
const addresses = new Map<string, string>();

async function databaseFor(composeUrl: string): Promise<string> {
  const name = `deploy_${new URL(composeUrl).pathname.slice(1)}_${Math.random().toString(16).slice(2, 10)}`;
  await ensureDatabase(testServerUrl(), name);
  databases.push(name);
  return withDatabaseName(testServerUrl(), name);
}

/** A service's environment from compose.yaml, as it must read on loopback. */
async function loopbackEnvironment(name: string, service: ComposeService, port: number): Promise<Record<string, string>> {
  const mounts = bindMounts(service);
  const env: Record<string, string> = {};
  for (const [variable, value] of Object.entries(composeEnvironment(service, ENV_FILE))) {
    const mount = mounts.find((candidate) => candidate.target === value);
    if (variable === 'HOST') {
      expect({ name, HOST: value }).toEqual({ name, HOST: '0.0.0.0' }); // reachable from the other containers
      env.HOST = '127.0.0.1';
    } else if (variable === 'PORT') {
      env.PORT = String(port);
    } else if (mount) {
      env[variable] = mount.source;
    } else if (/^[a-z]+:\/\//.test(value) && composeServiceNames.has(new URL(value).hostname)) {
      const url = new URL(value);
      if (url.protocol === 'postgres:') {
        env[variable] = await databaseFor(value);
      } else {
        const address = addresses.get(url.host);
        if (!address) throw new Error(`${name}: ${variable} names ${url.host}, which no hub service listens on`);
        env[variable] = value.replace(`//${url.host}`, `//${address}`);
      }
    } else {
      env[variable] = value;
    }
  }
  return env;
}

function start(name: string, service: ComposeService, env: Record<string, string>, port: number): RunningService {
  const entry = service.command![1]!;
  expect(service.command![0]).toBe('node');
  const args = [layout.compiled ? entry : join(sourcesBuild, sourceOfEntry(entry).replace(/\.ts$/, '.js'))];
  const runtimeEnv = Object.fromEntries(
    dockerStages()
      .at(-1)!
      .instructions.filter((instruction) => instruction.keyword === 'ENV')
      .flatMap((instruction) => instruction.args.map((arg) => arg.split('=') as [string, string])),
  );
  const child = spawn(process.execPath, args, {
    cwd: layout.root,
    env: { PATH: process.env.PATH ?? '', ...runtimeEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name, port, env, child, output: () => output, exited };
}

async function waitForHealth(service: RunningService): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | string | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${service.port}/health`).then(
      (response) => response.status,
      () => 0,
    );
    // Its own answer: another process on the port (one that took it first) would answer /health too.
    if (status === 200 && service.output().includes('"message":"listening"')) return;
    if (exitCode !== undefined || Date.now() > deadline) {
      throw new Error(
        `${service.name} ${exitCode !== undefined ? `exited (${exitCode})` : 'did not become healthy'}; output:\n${service.output().slice(-3000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a healthcheck of compose.yaml (`["CMD", program, ...args]`) as the container would, with the service's environment. */
function runHealthcheck(service: ComposeService, env: Record<string, string>): Promise<number | null> {
  const [form, program, ...args] = service.healthcheck!.test;
  expect([form, program]).toEqual(['CMD', 'node']);
  const child = spawn(process.execPath, args, { cwd: layout.root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Where a service listens inside Docker's network (`grids:4002`), the key of `addresses`. */
const composeAddress = (name: string, service: ComposeService) => `${name}:${composeEnvironment(service, ENV_FILE).PORT}`;

/**
 * Starts services that Compose would start together, each on a port picked just before: a port
 * picked long before (the gateway starts seconds after the subgraphs) could meanwhile be taken by
 * a process of another test file. When one of them finds its port taken all of them start again on
 * new ports (their peers' URLs name those ports), at most three times.
 */
async function startTogether(group: [string, ComposeService][]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    for (const [name, service] of group) addresses.set(composeAddress(name, service), `127.0.0.1:${await findFreePort()}`);
    const started: RunningService[] = [];
    for (const [name, service] of group) {
      const port = Number(addresses.get(composeAddress(name, service))!.split(':')[1]);
      const launched = start(name, service, await loopbackEnvironment(name, service, port), port);
      running.set(name, launched);
      started.push(launched);
    }
    const outcomes = await Promise.allSettled(started.map(waitForHealth));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (!failure) return;
    for (const launched of started) {
      if (launched.child.exitCode === null && launched.child.signalCode === null) launched.child.kill('SIGKILL');
      await launched.exited;
    }
    const portTaken = started.some((launched) => /is already in use|EADDRINUSE/.test(launched.output()));
    if (!portTaken || attempt === 3) throw failure.reason;
  }
}

async function seedStreet(): Promise<void> {
  const plan = planStreet(1);
  for (const [name, service] of running) {
    if (!service.env.DATABASE_URL) continue;
    const db = new Database({ url: service.env.DATABASE_URL, service: `deploy-test-${name}`, registry: new Registry() });
    try {
      await db.transaction((tx) => SEEDERS[name as SubgraphName].insert(tx, plan));
    } finally {
      await db.close();
    }
  }
}

beforeAll(async () => {
  const root = COMPILED ? await imageLayout() : projectPath();
  if (!COMPILED) sourcesBuild = await ensureCompiled();
  layout = { root, compiled: COMPILED, remove: async () => (COMPILED ? rm(root, { recursive: true, force: true }) : undefined) };
  // depends_on, as Compose orders them: a service starts once every service it names is healthy
  // (PostgreSQL, the test run's server, is).
  const healthy = new Set(Object.keys(compose.services).filter((name) => !hubServices.some(([hub]) => hub === name)));
  while (hubServices.some(([name]) => !healthy.has(name))) {
    const ready = hubServices.filter(
      ([name, service]) => !healthy.has(name) && Object.keys(service.depends_on ?? {}).every((dependency) => healthy.has(dependency)),
    );
    if (ready.length === 0) throw new Error('depends_on has a cycle or names a service that does not exist');
    startOrder.push(ready.map(([name]) => name));
    await startTogether(ready);
    for (const [name] of ready) healthy.add(name);
    // The subgraphs have migrated their empty databases: give them the reference street to serve.
    if (ready.some(([name]) => running.get(name)?.env.DATABASE_URL)) await seedStreet();
  }
}, 4 * START_TIMEOUT_MS);

afterAll(async () => {
  for (const service of running.values()) {
    if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    await service.exited;
  }
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
  await layout?.remove();
});

const gatewayUrl = () => `http://127.0.0.1:${running.get('gateway')!.port}/graphql`;

describe(`docker-compose on loopback (deploy/compose.yaml, ${COMPILED ? 'compiled, in the image’s layout' : 'the sources, compiled by the test run'})`, () => {
  it('starts every service with its command and environment, the subgraphs before the gateway, each passing its healthcheck', async () => {
    expect(startOrder).toEqual([['organisations', 'grids', 'resource-pools', 'co-building'], ['gateway']]);
    for (const [name, service] of hubServices)
      expect({ name, healthcheck: await runHealthcheck(service, running.get(name)!.env) }).toEqual({ name, healthcheck: 0 });
  });

  it('answers a query across the four subgraphs through the gateway', async () => {
    const response = await postGraphQL<{ communities: { totalCount: number; nodes: any[] } }>(
      gatewayUrl(),
      `query DeployCheck {
        communities(first: 20) {
          totalCount
          nodes { id name partyOrganisation { name } grids { id } pairings { unit { name resources { name } } } }
        }
      }`,
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.communities.nodes;
    expect(response.data!.communities.totalCount).toBe(planStreet(1).communities.length);
    expect(nodes.filter((community) => community.partyOrganisation?.name).length).toBeGreaterThan(0); // organisations
    expect(nodes.filter((community) => community.grids.length > 0).length).toBeGreaterThan(0); // grids
    const units = nodes.flatMap((community) => community.pairings.map((pairing: any) => pairing.unit)); // co-building
    expect(units.length).toBeGreaterThan(0);
    expect(units.flatMap((unit) => unit.resources).length).toBeGreaterThan(0); // resource-pools
  });

  it('runs a write whose references one subgraph checks with another (peer URLs and service tokens)', async () => {
    const grids = new pg.Client({ connectionString: running.get('grids')!.env.DATABASE_URL });
    await grids.connect();
    const { rows } = await grids.query<{ id: string; community_id: string }>('SELECT id, community_id FROM grids ORDER BY id LIMIT 1');
    await grids.end();
    const response = await postGraphQL(
      gatewayUrl(),
      `mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id community { id } grid { id } } }`,
      {
        input: {
          title: '楼道灯坏了',
          description: '3 幢 2 单元楼道灯不亮',
          category: 'MATERIALS',
          source: 'RESIDENT_ORDER',
          communityId: rows[0]!.community_id,
          gridId: rows[0]!.id,
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.submitDemand).toMatchObject({ community: { id: rows[0]!.community_id }, grid: { id: rows[0]!.id } });
  });

  const probesOf = (name: string) => {
    const manifest = kubernetesManifests().find((candidate) => candidate.object.kind === 'Deployment' && candidate.object.metadata.name === name);
    const container = (manifest!.object as unknown as IDeployment).spec!.template.spec!.containers[0]!;
    return { liveness: container.livenessProbe!.httpGet!.path!, readiness: container.readinessProbe!.httpGet!.path! };
  };
  const statusOf = async (name: string, path: string) => (await fetch(`http://127.0.0.1:${running.get(name)!.port}${path}`)).status;

  it('the gateway answers its Kubernetes probes: alive, and ready with every subgraph up', async () => {
    const { liveness, readiness } = probesOf('gateway');
    expect([await statusOf('gateway', liveness), await statusOf('gateway', readiness)]).toEqual([200, 200]);
    for (const [name] of hubServices) expect({ name, liveness: await statusOf(name, probesOf(name).liveness) }).toEqual({ name, liveness: 200 });
  });

  // Liveness asks /health (the process answers), readiness /ready (the subgraph's database answers).
  it('every subgraph answers its Kubernetes readiness probe', async () => {
    for (const [name] of hubServices.filter(([name]) => name !== 'gateway')) {
      expect({ name, readiness: await statusOf(name, probesOf(name).readiness) }).toEqual({ name, readiness: 200 });
    }
  });

  // Found with this test: Apollo Server stopped itself on SIGTERM and then re-sent the signal, which
  // killed the process before the hub's own drain (lib/kernel/http-service.ts closeOnSignals) had finished,
  // cutting the requests in flight; unless NODE_ENV was `test`, as under jest (which is how the
  // launcher's tests missed it). Now `stopOnTerminationSignals: false` (lib/subgraph/runtime.ts,
  // gateway/src/create-gateway.ts).
  it('stops every service on SIGTERM, gateways first, each finishing its drain (exit code 0) within its stop_grace_period', async () => {
    const exits: { name: string; code: number | string | null }[] = [];
    for (const group of [...startOrder].reverse()) {
      await Promise.all(
        group.map(async (name) => {
          const service = running.get(name)!;
          const graceMs = Number(/^(\d+)s$/.exec(compose.services[name]!.stop_grace_period!)![1]) * 1000;
          service.child.kill('SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          const code = await Promise.race([service.exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running'), graceMs)))]);
          clearTimeout(timer);
          exits.push({ name, code });
        }),
      );
    }
    expect(exits.filter((exit) => exit.code !== 0)).toEqual([]);
  }, 120_000);
});
