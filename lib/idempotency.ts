import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { callerKey, type Caller } from './auth/caller.js';
import type { Queryable } from './database.js';
import { ErrorCode } from './errors.js';

/**
 * Idempotent mutations (header `Idempotency-Key`, as in the IETF draft and payment APIs). The first
 * request with a key claims it and runs; its result is stored. A retry with the same key and the
 * same request gets the stored result and has no second effect; concurrent retries wait for the
 * first to finish. A key reused for a different request is refused with CONFLICT.
 *
 * Queries are never affected. A mutation whose run failed unexpectedly (INTERNAL_SERVER_ERROR) or
 * with an error marked `retryable` (DEPENDENCY_UNAVAILABLE: a subgraph it had to ask was down)
 * releases its key so that the retry runs again; other coded errors (bad input, illegal transition)
 * are stored like any result, since they changed nothing and a retry would change nothing either.
 *
 * Limitation: the claim and the mutation's own writes are separate transactions, so a process
 * killed after the mutation committed but before the result was stored leaves the key claimed;
 * a retry after IDEMPOTENCY_POLICY.leaseMs runs the mutation again.
 */
export const IDEMPOTENCY_POLICY = {
  header: 'idempotency-key',
  maxKeyLength: 200,
  /** How long a retry waits for the first request's result before answering "still in progress". */
  waitMs: 30_000,
  pollMs: 25,
  /** After this long without a result, a claim is considered abandoned (crashed) and taken over. */
  leaseMs: 120_000,
};

const KEY_PATTERN = /^[\x21-\x7e]+$/;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function errorResponse(code: ErrorCode, message: string, status: number): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, field: 'Idempotency-Key' } }] } },
  };
}

/** Set on an answer that is the stored result of an earlier request with the same key; the gateway passes it on. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replay';

function storedResponse(result: FormattedExecutionResult): GraphQLResponse {
  const headers = new HeaderMap();
  headers.set(IDEMPOTENT_REPLAY_HEADER, 'true');
  return { http: { status: 200, headers }, body: { kind: 'single', singleResult: result } };
}

interface ClaimRow {
  request_hash: string;
  response: FormattedExecutionResult | null;
  claimed_at: Date;
}

export function idempotencyPlugin<Context extends BaseContext>(db: Queryable): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let claimed: { caller: string; key: string } | undefined;
      return {
        async responseForOperation({ operation, request, contextValue }) {
          const key = request.http?.headers.get(IDEMPOTENCY_POLICY.header);
          if (operation.operation !== 'mutation' || key === undefined) return null;
          if (key.length === 0 || key.length > IDEMPOTENCY_POLICY.maxKeyLength || !KEY_PATTERN.test(key)) {
            return errorResponse(
              ErrorCode.BAD_USER_INPUT,
              `Idempotency-Key: must be 1–${IDEMPOTENCY_POLICY.maxKeyLength} visible ASCII characters`,
              400,
            );
          }
          // Keys are per caller: the caller this subgraph verified (role, subject and scope ids, before
          // any plugin runs), so a partner whose token was renewed between two retries is still the
          // same caller, and two callers never share a key space.
          const verified = (contextValue as { caller?: Caller }).caller;
          const caller = digest(verified ? callerKey(verified) : (request.http?.headers.get('authorization') ?? ''));
          const requestHash = digest(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]));

          const deadline = Date.now() + IDEMPOTENCY_POLICY.waitMs;
          for (;;) {
            const inserted = await db.query(
              `INSERT INTO idempotency_keys (caller, key, request_hash) VALUES ($1, $2, $3)
               ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
              [caller, key, requestHash],
            );
            if (inserted.length === 1) {
              claimed = { caller, key };
              return null; // first request: run it
            }
            const [existing] = await db.query<ClaimRow>(
              'SELECT request_hash, response, claimed_at FROM idempotency_keys WHERE caller = $1 AND key = $2',
              [caller, key],
            );
            if (!existing) continue; // released between our insert and select: try to claim again
            if (existing.request_hash !== requestHash) {
              return errorResponse(ErrorCode.CONFLICT, 'Idempotency-Key: already used for a different request', 422);
            }
            if (existing.response !== null) return storedResponse(existing.response);
            if (Date.now() - existing.claimed_at.getTime() > IDEMPOTENCY_POLICY.leaseMs) {
              // The first request's process died: take the abandoned claim over, atomically.
              const taken = await db.query(
                `UPDATE idempotency_keys SET claimed_at = now() WHERE caller = $1 AND key = $2 AND response IS NULL AND claimed_at = $3 RETURNING key`,
                [caller, key, existing.claimed_at],
              );
              if (taken.length === 1) {
                claimed = { caller, key };
                return null;
              }
            }
            if (Date.now() > deadline) {
              return errorResponse(ErrorCode.CONFLICT, 'Idempotency-Key: the first request with this key is still running; retry later', 409);
            }
            await new Promise((resolve) => setTimeout(resolve, IDEMPOTENCY_POLICY.pollMs));
          }
        },

        async willSendResponse({ response }) {
          if (!claimed) return;
          const { caller, key } = claimed;
          claimed = undefined;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const worthRetrying = !result || result.errors?.some((error) => error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR || error.extensions?.retryable === true);
          if (worthRetrying) {
            await db.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND response IS NULL', [caller, key]);
            return;
          }
          await db.query('UPDATE idempotency_keys SET response = $3, completed_at = now() WHERE caller = $1 AND key = $2', [
            caller,
            key,
            JSON.stringify(result),
          ]);
        },
      };
    },
  };
}

/** Results are kept this long; a retry after that runs the mutation again. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export async function pruneIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE completed_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_RETENTION_HOURS]);
}
