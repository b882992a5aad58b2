// undici's Pool on its own: the package's index also loads fetch, its cache, WebSocket and
// EventSource, which the gateway never uses (about 9 MB of RSS). The package has no `exports` map,
// so the module is reachable by its path; its type is the index's class.
declare module 'undici/lib/dispatcher/pool.js' {
  import { Pool } from 'undici';
  export default Pool;
}
