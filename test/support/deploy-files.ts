import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * Reading the deployment files (deploy/) the way Docker, Compose and Kubernetes read them, for
 * test/deploy-manifests.test.ts and test/deploy-compose.test.ts.
 */

export const DEPLOY_DIR = projectPath('deploy');
export const KUBERNETES_DIR = projectPath('deploy', 'kubernetes');
export const COMPOSE_FILE = projectPath('deploy', 'compose.yaml');
export const DOCKERFILE = projectPath('deploy', 'Dockerfile');
/** BuildKit's Dockerfile-specific ignore file (the build context is the repository root). */
export const DOCKERIGNORE = projectPath('deploy', 'Dockerfile.dockerignore');
/** Not applied by kustomization.yaml: real secrets are created once, never overwritten by an apply. */
export const SECRETS_EXAMPLE = 'secrets.example.yaml';

// ---------------------------------------------------------------------------------------------
// Kubernetes

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Manifest {
  /** File name below deploy/kubernetes/. */
  file: string;
  object: KubernetesObject;
}

/** Every object of every manifest (kustomization.yaml is kustomize's, not an object). */
export function kubernetesManifests(): Manifest[] {
  return readdirSync(KUBERNETES_DIR)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .sort()
    .flatMap((file) =>
      YAML.parseAllDocuments(readFileSync(join(KUBERNETES_DIR, file), 'utf8')).map((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
        return { file, object: document.toJS() as KubernetesObject };
      }),
    );
}

// ---------------------------------------------------------------------------------------------
// Compose

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  read_only?: boolean;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** compose.yaml as Compose reads it before interpolation (anchors and `<<` merge keys resolved). */
export function composeFile(): ComposeFile {
  return YAML.parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;
}

const INTERPOLATION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/**
 * Compose's interpolation of `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}` and
 * `${NAME?error}` from `variables` (what deploy/.env would hold); a required one that is missing
 * throws its message, as `docker compose` stops with it.
 */
export function interpolate(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(INTERPOLATION, (_match, name: string, operator: string | undefined, argument: string | undefined) => {
    const value = variables[name];
    const missing = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
    if (!missing) return value!;
    if (operator?.endsWith('?')) throw new Error(`${name}: ${argument}`);
    return operator?.endsWith('-') ? argument! : '';
  });
}

/** The variables compose.yaml requires (`${NAME:?…}`) and those it reads with a default. */
export function composeVariables(): { required: Set<string>; optional: Set<string> } {
  const required = new Set<string>();
  const optional = new Set<string>();
  for (const [, name, operator] of readFileSync(COMPOSE_FILE, 'utf8').matchAll(INTERPOLATION)) {
    (operator?.endsWith('?') ? required : optional).add(name!);
  }
  for (const name of required) optional.delete(name);
  return { required, optional };
}

/** A service's environment after interpolation, every value a string (as the process sees it). */
export function composeEnvironment(service: ComposeService, variables: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), variables)]));
}

/** Short-syntax bind mounts (`source:target[:ro]`), the source resolved against deploy/. */
export function bindMounts(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([source]) => source!.startsWith('.') || source!.startsWith('/'))
    .map(([source, target]) => ({ source: resolve(DEPLOY_DIR, source!), target: target! }));
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

export interface DockerInstruction {
  keyword: string;
  /** Flags such as `--from=build`, by name. */
  flags: Record<string, string>;
  /** The arguments (JSON form parsed; shell form split on whitespace). */
  args: string[];
}

export interface DockerStage {
  name: string;
  base: string;
  instructions: DockerInstruction[];
}

/** The stages of deploy/Dockerfile, build arguments' defaults substituted in FROM. */
export function dockerStages(): DockerStage[] {
  const lines = readFileSync(DOCKERFILE, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const buildArgs: Record<string, string> = {};
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const upper = keyword!.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name, value] = rest.join(' ').split('=');
      buildArgs[name!] = value ?? '';
      continue;
    }
    if (upper === 'FROM') {
      const base = rest[0]!.replace(/\$\{(\w+)\}/g, (_match, name: string) => buildArgs[name] ?? '');
      stages.push({ name: rest[2] ?? String(stages.length), base, instructions: [] });
      continue;
    }
    const flags: Record<string, string> = {};
    while (rest[0]?.startsWith('--')) {
      const [flag, value] = rest.shift()!.slice(2).split('=');
      flags[flag!] = value ?? '';
    }
    const text = rest.join(' ');
    const args = text.startsWith('[') ? (JSON.parse(text) as string[]) : rest;
    stages.at(-1)!.instructions.push({ keyword: upper, flags, args });
  }
  return stages;
}

/** A COPY's sources and destination. */
export function copyOf(instruction: DockerInstruction): { sources: string[]; destination: string } {
  return { sources: instruction.args.slice(0, -1), destination: instruction.args.at(-1)! };
}

/**
 * Whether the build context excludes `path` (relative to the repository root), by Docker's rules:
 * the last pattern that matches the path or one of its parent directories decides, `!` re-includes.
 */
export function isIgnoredByDocker(path: string): boolean {
  const patterns = readFileSync(DOCKERIGNORE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const segments = path.replace(/\/$/, '').split('/');
  const candidates = segments.map((_segment, i) => segments.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = (negated ? pattern.slice(1) : pattern).replace(/\/$/, '');
    const source = glob
      .split('/')
      .map((part) =>
        part === '**'
          ? '(?:.*)'
          : part
              .replace(/[.+^$()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
      )
      .join('/')
      .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
    const regex = new RegExp(`^${source}$`);
    if (candidates.some((candidate) => regex.test(candidate))) ignored = !negated;
  }
  return ignored;
}

// ---------------------------------------------------------------------------------------------
// What the services' code loads

/** `node dist/x/y/main.js` → `x/y/main.ts`, the source of a compiled entry point. */
export function sourceOfEntry(compiled: string): string {
  const match = /^dist\/(.+)\.js$/.exec(compiled);
  if (!match) throw new Error(`${compiled} is not a compiled entry point under dist/`);
  return `${match[1]}.ts`;
}

const BUILTINS = new Set(builtinModules);

/** The package a bare import names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface ModuleGraph {
  /** The project's source files the entry loads, relative to the project root. */
  files: string[];
  /** Packages it imports at run time (type-only imports left out), with the files importing them. */
  packages: Map<string, Set<string>>;
}

/**
 * The project files and packages a service loads, following its entry point's relative imports
 * (static, re-exports, dynamic); `import type` and `export type` load nothing at run time.
 */
export function moduleGraph(entry: string): ModuleGraph {
  const seen = new Set<string>();
  const packages = new Map<string, Set<string>>();
  const queue = [projectPath(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s+['"]([^'"]+)['"]/g)]
        .filter((match) => !match[1])
        .map((match) => match[2]!),
      ...[...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((match) => match[1]!),
      ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
    ];
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (!existsSync(target)) throw new Error(`${relative(projectPath(), file)} imports ${specifier}, which does not exist`);
        queue.push(target);
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier)) {
        const name = packageOf(specifier);
        packages.set(name, (packages.get(name) ?? new Set()).add(relative(projectPath(), file)));
      }
    }
  }
  return { files: [...seen].map((file) => relative(projectPath(), file)).sort(), packages };
}

/** Whether `name` occurs in `files` the way the hub reads a variable: a zod shape key or `process.env.NAME`. */
export function readsVariable(files: readonly string[], name: string): boolean {
  const pattern = new RegExp(`(?:^|[\\s{,])${name}\\s*:|process\\.env\\.${name}\\b`);
  return files.some((file) => pattern.test(readFileSync(projectPath(file), 'utf8')));
}

/** Every variable named (in backticks) in the first column of a Markdown file's first `| variable |` table. */
export function documentedVariables(markdownFile: string): Set<string> {
  const text = readFileSync(projectPath(markdownFile), 'utf8');
  const start = text.indexOf('\n| variable |');
  if (start < 0) throw new Error(`${markdownFile} has no table of variables`);
  const section = text.slice(start);
  const end = section.indexOf('\n\n', 1);
  const table = end < 0 ? section : section.slice(0, end);
  const names = new Set<string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    for (const [, name] of row.split(' | ')[0]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(name!);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// dist/

function newestSourceMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Whether `npm run build` left compiled entry points newer than every TypeScript source, so that
 * running them runs the code of this tree, and `npm run build:explorer` left the explorer bundle
 * (SDLs, migrations and the supergraph are read from the sources at run time, compiled or not).
 */
export function isBuildCurrent(entries: readonly string[]): boolean {
  const outputs = entries.map((entry) => projectPath(entry));
  if (!outputs.every((output) => existsSync(output)) || !existsSync(projectPath('dist', 'explorer', 'manifest.json'))) return false;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const sources = Math.max(...['lib', 'gateway', 'subgraphs', 'hub', 'seed', 'scripts'].map((root) => newestSourceMtime(projectPath(root))));
  return sources <= built;
}
