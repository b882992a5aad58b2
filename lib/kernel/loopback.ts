/**
 * Loopback names and addresses: development conveniences (the explorer's prefilled token, debug
 * details in errors) are offered only to a caller on the same machine, never to the network.
 */

/** A host name or listen address that only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name) || /^::ffff:127(\.\d{1,3}){3}$/.test(name);
}

/**
 * A request's `Host` header (with or without a port) names this machine. Checking it defeats DNS
 * rebinding: a page on another site that makes its name resolve to 127.0.0.1 still sends its own
 * name as `Host`.
 */
export function isLoopbackHostHeader(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d+$/, '');
  return isLoopbackHost(host);
}
