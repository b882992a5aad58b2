import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import { callerKey, type Caller } from '../auth/caller.js';
import { isDatabaseUnavailable, type Database, type Queryable, type RequestTransactionHandle } from '../kernel/database.js';
import { ErrorCode } from '../kernel/errors.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '../kernel/api-contract.js';

/**
 * Idempotent mutations (header `Idempotency-Key`, as in the IETF draft and payment APIs). The first
 * request with a key claims it and runs; its result is stored. A retry with the same key and the
 * same request gets the stored result and has no second effect; concurrent retries wait for the
 * first to finish. A key reused for a different request is refused with CONFLICT.
 *
 * The claim, the mutation's writes and its stored result are one transaction: the plugin opens a
 * request transaction (Database.beginRequestTransaction) that every statement of the request joins,
 * and commits it only after the result is stored, before the answer leaves. So a process that dies
 * anywhere in between (or a database that goes away) leaves nothing: no effect, no claim, and the
 * retry runs the mutation once. Without that, a crash between the mutation's commit and the
 * storing of its result made the retry run it a second time. The claim is an uncommitted row until
 * then, so a concurrent retry's insert of the same key waits on PostgreSQL's row lock for the first
 * to commit (then reads its result) or roll back (then runs itself): no polling, no lease.
 * A mutation whose run failed unexpectedly (INTERNAL_SERVER_ERROR, DATABASE_UNAVAILABLE) or was
 * refused with `extensions.retryable: true` (another subgraph it had to ask did not answer) rolls
 * back, claim included, so that the retry runs again; other coded errors (bad input, illegal
 * transition) are stored like any result, since they changed nothing and would again.
 * Queries are never affected.
 */
export const IDEMPOTENCY_POLICY = {
  header: IDEMPOTENCY_KEY_HEADER,
  maxKeyLength: 200,
  /** How long a retry waits for the first request with its key before answering "still in progress". */
  waitMs: 30_000,
};

const KEY_PATTERN = /^[\x21-\x7e]+$/;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function errorResponse(code: ErrorCode, message: string, status: number, extensions: Record<string, unknown> = { field: 'Idempotency-Key' }): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, ...extensions } }] } },
  };
}

const DATABASE_UNAVAILABLE_MESSAGE = 'The database of this service is unavailable; nothing was changed, retry with the same Idempotency-Key';

function storedResponse(result: FormattedExecutionResult): GraphQLResponse {
  const headers = new HeaderMap();
  headers.set(IDEMPOTENT_REPLAY_HEADER, 'true');
  return { http: { status: 200, headers }, body: { kind: 'single', singleResult: result } };
}

type InProgressResponse = GraphQLRequestContext<BaseContext>['response'];

interface StoredRow {
  request_hash: string;
  response: FormattedExecutionResult | null;
}

/** lock_not_available: the first request with this key held it longer than IDEMPOTENCY_POLICY.waitMs. */
const LOCK_TIMEOUT = '55P03';

export interface IdempotencyTestHooks {
  /** Runs after the result is stored, before the commit: tests inject a crash there. */
  beforeCommit?: () => Promise<void>;
}

export function idempotencyPlugin<Context extends BaseContext>(db: Database, hooks: IdempotencyTestHooks = {}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let claim: RequestTransactionHandle | undefined;
      let claimedKey: [caller: string, key: string] = ['', ''];
      /** Ends the request transaction: stores the result and commits, or rolls everything back. */
      const finish = async (response: InProgressResponse): Promise<void> => {
        const transaction = claim;
        if (!transaction) return;
        claim = undefined;
        const result = response.body?.kind === 'single' ? response.body.singleResult : undefined;
        const failedUnexpectedly =
          !result ||
          result.errors?.some(
            (error) =>
              error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ||
              error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE ||
              error.extensions?.retryable === true,
          );
        if (failedUnexpectedly) {
          await transaction.rollback();
          return;
        }
        try {
          await transaction.query('UPDATE idempotency_keys SET response = $1, completed_at = now() WHERE caller = $2 AND key = $3', [
            JSON.stringify(result),
            ...claimedKey,
          ]);
          await hooks.beforeCommit?.();
          await transaction.commit();
        } catch (error) {
          await transaction.rollback();
          // The answer must not claim an effect that was rolled back.
          const unavailable = isDatabaseUnavailable(error);
          const replacement = unavailable
            ? errorResponse(ErrorCode.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, 503, { retryable: true })
            : errorResponse(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error; nothing was changed', 500, {});
          response.body = replacement.body;
          response.http.status = replacement.http.status;
        }
      };
      return {
        async responseForOperation({ operation, request, contextValue }) {
          const key = request.http?.headers.get(IDEMPOTENCY_POLICY.header);
          if (operation.operation !== OperationTypeNode.MUTATION || key === undefined) return null;
          if (key.length === 0 || key.length > IDEMPOTENCY_POLICY.maxKeyLength || !KEY_PATTERN.test(key)) {
            return errorResponse(ErrorCode.BAD_USER_INPUT, `Idempotency-Key: must be 1–${IDEMPOTENCY_POLICY.maxKeyLength} visible ASCII characters`, 400);
          }
          // Keys are per caller: the caller this subgraph verified (role, subject and scope ids, before
          // any plugin runs), so a partner whose token was renewed between two retries is still the
          // same caller, and two callers never share a key space.
          const verified = (contextValue as { caller?: Caller }).caller;
          const caller = digest(verified ? callerKey(verified) : (request.http?.headers.get('authorization') ?? ''));
          const requestHash = digest(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}]));

          let transaction: RequestTransactionHandle | undefined;
          try {
            for (;;) {
              transaction = await db.beginRequestTransaction();
              await transaction.query(`SET LOCAL lock_timeout = ${Math.round(IDEMPOTENCY_POLICY.waitMs)}`);
              // Waits while another open transaction holds the same key (its first request runs).
              const inserted = await transaction.query(
                `INSERT INTO idempotency_keys (caller, key, request_hash) VALUES ($1, $2, $3)
                 ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
                [caller, key, requestHash],
              );
              if (inserted.length === 1) {
                // The wait limit was for the key only; the mutation's own lock waits are as before.
                await transaction.query('SET LOCAL lock_timeout TO DEFAULT');
                claim = transaction;
                claimedKey = [caller, key];
                return null; // first request: run it, inside this transaction
              }
              const [existing] = await transaction.query<StoredRow>('SELECT request_hash, response FROM idempotency_keys WHERE caller = $1 AND key = $2', [
                caller,
                key,
              ]);
              if (existing && existing.response === null) {
                // A claim left by the earlier two-transaction scheme: its process died, take it over.
                await transaction.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND response IS NULL', [caller, key]);
                await transaction.commit();
                continue;
              }
              await transaction.rollback();
              if (!existing) continue; // rolled back between our insert and select: try to claim again
              if (existing.request_hash !== requestHash) {
                return errorResponse(ErrorCode.CONFLICT, 'Idempotency-Key: already used for a different request', 422);
              }
              return storedResponse(existing.response!);
            }
          } catch (error) {
            await transaction?.rollback();
            claim = undefined;
            if ((error as { code?: unknown }).code === LOCK_TIMEOUT) {
              return errorResponse(ErrorCode.CONFLICT, 'Idempotency-Key: the first request with this key is still running; retry later', 409);
            }
            if (isDatabaseUnavailable(error)) return errorResponse(ErrorCode.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, 503, { retryable: true });
            throw error;
          }
        },

        async executionDidStart({ response }) {
          return {
            // The body is final here and no other plugin has written yet (the audit log writes in
            // willSendResponse, outside this transaction): store it and commit before it is sent.
            async executionDidEnd() {
              await finish(response);
            },
          };
        },

        async willSendResponse({ response }) {
          // Execution failed before its end (or never started): roll back whatever was claimed.
          await finish(response);
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
