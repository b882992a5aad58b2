import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from './database.js';
import { ErrorCode } from './errors.js';
import type { Logger } from './log.js';
import { requestChecksPlugin } from './request-checks.js';
import { currentRequest } from './request-context.js';

/**
 * Errors we raise on purpose are GraphQLErrors with a code and reach the client as they are.
 * A lost or refused database connection becomes DATABASE_UNAVAILABLE (retryable). Anything else (a
 * failed SQL statement, a bug) is logged once here and masked, so that internals such as SQL text
 * or hostnames never leak to callers. Stack traces (which name files and modules of the deployment)
 * are never sent, also not those a subgraph sent the gateway, unless the request may see them
 * (HUB_DEBUG_ERRORS and a caller on this machine, see lib/kernel/http-service.ts). Every Apollo server of
 * the hub also sets `includeStacktraceInErrorResponses: false`: Apollo's default adds them whenever
 * NODE_ENV is not `production`, as under `npm start`.
 */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || isFormattedDownstreamError(original)) return withStackIfAllowed(formatted, original);
    if (isDatabaseUnavailable(original)) {
      // An outage, not a bug: one warning line, no stack, and a code the client can retry on.
      log.warn('database unavailable', { path: formatted.path, error: original instanceof Error ? original.message : String(original) });
      return {
        message: 'The database of this service is unavailable; retry shortly',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true },
      };
    }
    log.error('unexpected error while resolving', {
      path: formatted.path,
      error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
    });
    const masked: GraphQLFormattedError = {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
    return withStackIfAllowed(masked, original);
  };
}

function withStackIfAllowed(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  // Apollo calls formatError without the request: its async context tells. A service that runs its
  // requests outside it (the gateway, asyncRequestContext: false) still runs there every request
  // that may see stack traces, and only those.
  if (!currentRequest()?.debugErrors) return { ...formatted, extensions };
  const stack = stacktrace ?? (original instanceof Error ? original.stack?.split('\n') : undefined);
  return { ...formatted, extensions: stack === undefined ? extensions : { ...extensions, stacktrace: stack } };
}

/**
 * The gateway wraps each error a subgraph returned in a GraphQLError whose original error is the
 * plain JSON object it received. The subgraph already masked it, so its code and message stand.
 */
function isFormattedDownstreamError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && !(error instanceof Error) && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * Plugins every Apollo server of the hub uses, first in its list: the request checks (an operation
 * it can run, no NUL characters; lib/kernel/request-checks.ts) and no CDN landing page (intranets have no
 * internet).
 */
export function basePlugins<Context extends BaseContext>(): ApolloServerPlugin<Context>[] {
  return [requestChecksPlugin<Context>(), ApolloServerPluginLandingPageDisabled()];
}
