/**
 * The hub's HS256 JWT_SECRET as a JSON Web Key Set, for routers that read verification keys only
 * from a JWKS (Apollo Router, Hive Router): one symmetric key (`kty: oct`), `k` the secret's bytes
 * in base64url. The file holds the secret itself: give it the secret's protection and hand it to
 * the router as a file, never over the network.
 */
export interface SymmetricJwks {
  keys: { kty: 'oct'; alg: 'HS256'; use: 'sig'; kid: string; k: string }[];
}

export function jwksFromSecret(secret: string, kid = 'hub-hs256'): SymmetricJwks {
  return { keys: [{ kty: 'oct', alg: 'HS256', use: 'sig', kid, k: Buffer.from(secret, 'utf8').toString('base64url') }] };
}
