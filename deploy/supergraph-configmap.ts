import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { projectPath } from '../lib/kernel/project-root.js';

/**
 * The supergraph as the Kubernetes ConfigMap the gateway mounts (deploy/kubernetes/supergraph.yaml),
 * and its SHA-256 in the gateway's pod template, so that applying a new supergraph rolls the
 * gateways (they read it at start only). `npm run compose` writes them for the hub's supergraph (and
 * `compose:check` fails when they are stale); for a district's own supergraph:
 *
 *   npx tsx deploy/supergraph-configmap.ts [path/to/supergraph.graphql]
 *
 * test/deploy-manifests.test.ts fails while the ConfigMap differs from schema/supergraph.graphql.
 */

export const SUPERGRAPH_CONFIGMAP_PATH = fileURLToPath(new URL('./kubernetes/supergraph.yaml', import.meta.url));
export const GATEWAY_MANIFEST_PATH = fileURLToPath(new URL('./kubernetes/gateway.yaml', import.meta.url));
export const SUPERGRAPH_ANNOTATION = 'co-governance-hub/supergraph-sha256';
const ANNOTATION_LINE = new RegExp(`^(\\s*${SUPERGRAPH_ANNOTATION.replace('/', '\\/')}: )"[^"]*"$`, 'm');

export function supergraphSha256(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex');
}

export function supergraphConfigMapYaml(sdl: string): string {
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'supergraph', namespace: 'co-governance-hub', labels: { 'app.kubernetes.io/part-of': 'co-governance-hub' } },
    data: { 'supergraph.graphql': sdl },
  };
  const header = '# Written by deploy/supergraph-configmap.ts from schema/supergraph.graphql: do not edit by hand.\n';
  return header + YAML.stringify(configMap, { lineWidth: 0 });
}

/** The gateway manifest with the pod template's supergraph annotation set to `sha256`. */
export function withSupergraphAnnotation(gatewayYaml: string, sha256: string): string {
  if (!ANNOTATION_LINE.test(gatewayYaml)) throw new Error(`the gateway manifest has no ${SUPERGRAPH_ANNOTATION} annotation line`);
  return gatewayYaml.replace(ANNOTATION_LINE, `$1"${sha256}"`);
}

/** Writes the ConfigMap and the gateway's annotation for `sdl` (npm run compose does it for the hub's own). */
export function writeSupergraphManifests(sdl: string): void {
  writeFileSync(SUPERGRAPH_CONFIGMAP_PATH, supergraphConfigMapYaml(sdl));
  writeFileSync(GATEWAY_MANIFEST_PATH, withSupergraphAnnotation(readFileSync(GATEWAY_MANIFEST_PATH, 'utf8'), supergraphSha256(sdl)));
}

/** Whether the manifests hold `sdl` (npm run compose:check). */
export function supergraphManifestsMatch(sdl: string): boolean {
  const gateway = readFileSync(GATEWAY_MANIFEST_PATH, 'utf8');
  return (
    readFileSync(SUPERGRAPH_CONFIGMAP_PATH, 'utf8') === supergraphConfigMapYaml(sdl) && withSupergraphAnnotation(gateway, supergraphSha256(sdl)) === gateway
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = process.argv[2] ?? projectPath('schema', 'supergraph.graphql');
  writeSupergraphManifests(readFileSync(source, 'utf8'));
  process.stdout.write(`wrote ${SUPERGRAPH_CONFIGMAP_PATH} and the annotation in ${GATEWAY_MANIFEST_PATH} from ${source}\n`);
}
