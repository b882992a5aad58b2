/**
 * Monaco runs its language services in web workers. graphiql's own setup-workers entries either
 * load them from esm.sh (a CDN, forbidden here) or rely on a bundler's worker syntax, so we build
 * the three workers as separate files next to the bundle (scripts/build-explorer) and point Monaco
 * at them. The URLs are relative to this module so they stay on the hub's own origin.
 */
declare global {
  // eslint-disable-next-line no-var
  var MonacoEnvironment: { getWorker(workerId: string, label: string): Worker } | undefined;
}

const workerUrl = (file: string): URL => new URL(file, import.meta.url);

globalThis.MonacoEnvironment = {
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
