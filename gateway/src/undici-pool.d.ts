// undici's Pool on its own: the package's index also loads fetch, its cache, WebSocket and
// EventSource, which the gateway never uses (about 8 MB of RSS). The package has no `exports` map,
// so the module is reachable by its path; its type is the index's.
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolOnly: typeof Pool;
  export default PoolOnly;
}
