/**
 * Monaco runs its language services in web workers. graphiql's own setup-workers entries either
 * load them from esm.sh (a CDN, forbidden here) or rely on a bundler's worker syntax, so we build
 * the three workers as separate files next to the bundle (scripts/build-explorer) and point Monaco
 * at them. The URLs are relative to this module so they stay on the hub's own origin.
 */
// monaco-editor's types declare `window.MonacoEnvironment`; this brings them in without loading Monaco.
import type {} from 'monaco-editor';
const workerUrl = (file: string): URL => new URL(file, import.meta.url);

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new Worker(workerUrl('./json.worker.js'));
      case 'graphql':
        return new Worker(workerUrl('./graphql.worker.js'));
      default:
        // Every other label (the editor's own services) runs in the generic editor worker.
        return new Worker(workerUrl('./editor.worker.js'));
    }
  },
};

export {};
