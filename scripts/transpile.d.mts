// Types of scripts/transpile.mjs for the TypeScript that imports it (test/support/compiled.ts).
export declare const SOURCE_FOLDERS: readonly string[];
export declare function sourceFiles(projectRoot: string, folders?: readonly string[]): Promise<string[]>;
export declare function sourceDigest(projectRoot: string, files: readonly string[]): Promise<string>;
export declare function transpileInto(projectRoot: string, files: readonly string[], target: string): Promise<string>;
export declare function pruneEarlierBuilds(folder: string, current: string, keep: number): Promise<string[]>;
