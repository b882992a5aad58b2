import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, OperationTypeNode, type FieldNode, type GraphQLSchema } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import { ANONYMOUS, type Caller } from '../auth/caller.js';
import type { Queryable } from '../kernel/database.js';
import type { Logger } from '../kernel/log.js';
import { currentRequest } from '../kernel/request-context.js';
import { authorizeAuditRead } from '../auth/policy.js';

/**
 * The audit log of a subgraph: every mutation field it runs over HTTP gets one row in its own
 * database (lib/subgraph/migrations/002_audit_log.sql) — who (the signed caller), what (the mutation, the
 * ids it named and the ids it returned), when, and the outcome (OK or the error code). Refusals
 * (FORBIDDEN, UNAUTHENTICATED) are recorded too: an auditor wants to see attempts. Only ids are
 * kept, never argument values, so personal data stays out of it.
 */
export interface AuditEntryRow {
  id: string;
  occurred_at: Date;
  subject: string;
  role: string;
  operation_name: string | null;
  mutation: string;
  target_ids: string[];
  result_ids: string[];
  outcome: string;
  request_id: string | null;
}

/** At most this many ids per audited mutation (argument ids, then result ids). */
const MAX_IDS = 50;
/**
 * What an id of the hub looks like (`community-01`, `incident-000042`, UUIDs, `pairing-3-c1@2026-10-01`).
 * Refused calls are audited with the arguments they carried, which nothing has validated: a value
 * that is not shaped like an id (free text, personal data, a megabyte of padding) is left out.
 */
const AUDITED_ID = /^[A-Za-z0-9][\w.:@-]{0,63}$/;
/** Client-chosen operation names are GraphQL names of any length; the log keeps their start. */
const MAX_OPERATION_NAME = 100;

/** Ids in an argument value: `id`, `…Id` and `…Ids` keys at any depth (input.id, scope.communityIds …), well-formed ones only. */
export function idsIn(value: unknown, key = '', into: string[] = []): string[] {
  if (into.length >= MAX_IDS) return into;
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, key, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) idsIn(inner, name, into);
  } else if ((typeof value === 'string' || typeof value === 'number') && (key === 'id' || /Ids?$/.test(key)) && AUDITED_ID.test(String(value))) {
    into.push(String(value));
  }
  return into;
}

function callerOf(context: unknown): Caller {
  const caller = (context as { caller?: Caller } | null)?.caller;
  return caller ?? ANONYMOUS;
}

/** The gateway names its subgraph fetches `<Operation>__<subgraph>__<n>`; the client's name is the first part. */
function clientOperationName(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.replace(/__[\w-]+__\d+$/, '').slice(0, MAX_OPERATION_NAME);
}

function fieldArguments(schema: GraphQLSchema, field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const definition = schema.getMutationType()?.getFields()[field.name.value];
  if (!definition) return {};
  try {
    return getArgumentValues(definition, field, variables);
  } catch {
    return {}; // invalid arguments fail the operation anyway; the outcome says so
  }
}

export function auditPlugin<Context extends BaseContext>(db: Queryable, service: string, log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, schema, request, response, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const caller = callerOf(contextValue);
          const variables = request.variables ?? {};
          const rows = operation.selectionSet.selections
            .filter((selection): selection is FieldNode => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'))
            .map((field) => {
              const key = field.alias?.value ?? field.name.value;
              const error = result?.errors?.find((candidate) => candidate.path?.[0] === key) ?? (result?.data ? undefined : result?.errors?.[0]);
              const value = result?.data?.[key];
              const resultIds = value !== null && typeof value === 'object' && 'id' in value ? idsIn({ id: value.id }) : [];
              return {
                subject: caller.subject,
                role: caller.role,
                operation_name: clientOperationName(request.operationName ?? operation.name?.value),
                mutation: field.name.value,
                target_ids: idsIn(fieldArguments(schema, field, variables)),
                result_ids: resultIds,
                outcome: error ? (typeof error.extensions?.code === 'string' ? error.extensions.code : 'ERROR') : 'OK',
                request_id: currentRequest()?.requestId ?? null,
              };
            });
          if (rows.length === 0) return;
          try {
            await db.query(
              `INSERT INTO audit_log (subject, role, operation_name, mutation, target_ids, result_ids, outcome, request_id)
               SELECT subject, role, operation_name, mutation, target_ids, result_ids, outcome, request_id
               FROM json_populate_recordset(NULL::audit_log, $1::json)`,
              [JSON.stringify(rows)],
            );
          } catch (error) {
            // The mutation has run; failing its answer now would invite a retry that runs it twice.
            log.error('could not write the audit log', { service, error: (error as Error).message, mutations: rows.map((row) => row.mutation) });
          }
        },
      };
    },
  };
}

export interface AuditQuery {
  first: number;
  mutation?: string | null;
  subject?: string | null;
}

/** Newest first. */
export async function findAuditEntries(db: Queryable, query: AuditQuery): Promise<AuditEntryRow[]> {
  return db.query<AuditEntryRow>(
    `SELECT id::text, occurred_at, subject, role, operation_name, mutation, target_ids, result_ids, outcome, request_id
     FROM audit_log
     WHERE ($1::text IS NULL OR mutation = $1) AND ($2::text IS NULL OR subject = $2)
     ORDER BY occurred_at DESC, id DESC
     LIMIT $3`,
    [query.mutation ?? null, query.subject ?? null, Math.min(Math.max(query.first, 0), 500)],
  );
}

/** `Query.<subgraph>AuditLog`: DISTRICT_PLATFORM only (lib/auth/policy.ts), shaped as the SDL's AuditEntry. */
export async function auditLogField(db: Queryable, caller: Caller, args: { first?: number | null; mutation?: string | null; subject?: string | null }) {
  authorizeAuditRead(caller);
  const rows = await findAuditEntries(db, { first: args.first ?? 50, mutation: args.mutation, subject: args.subject });
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    subject: row.subject,
    role: row.role,
    operationName: row.operation_name,
    mutation: row.mutation,
    targetIds: row.target_ids,
    resultIds: row.result_ids,
    outcome: row.outcome,
    requestId: row.request_id,
  }));
}
