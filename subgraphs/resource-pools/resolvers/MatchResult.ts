import { badUserInput } from '../../../lib/kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../../lib/subgraph/pagination.js';
import type { MatchResultResolvers } from '../__generated__/resolvers-types.js';

const MAX_EXCLUSIONS_PAGE = 50;
/** What the deprecated `excluded` list still gives: the closest ones, no longer all of them. */
const DEPRECATED_EXCLUDED_LIMIT = 100;

export const MatchResult: MatchResultResolvers = {
  async exclusions(result, { first, after }) {
    const limit = first ?? 5;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_EXCLUSIONS_PAGE)
      throw badUserInput('first', `must be an integer from 0 to ${MAX_EXCLUSIONS_PAGE}`);
    // The cursor is the position in the closest-first order (the list is computed per request).
    const offset = after == null ? 0 : Number(decodeCursor(after));
    if (!Number.isInteger(offset) || offset < 0) throw badUserInput('after', 'is not a cursor returned by this API (use pageInfo.endCursor)');
    const nodes = await result.exclusions.page(offset, limit);
    return {
      totalCount: result.exclusions.totalCount,
      byReason: result.exclusions.byReason,
      nodes,
      pageInfo: {
        hasNextPage: offset + nodes.length < result.exclusions.totalCount,
        hasPreviousPage: offset > 0,
        startCursor: nodes.length === 0 ? null : encodeCursor(String(offset + 1)),
        endCursor: nodes.length === 0 ? null : encodeCursor(String(offset + nodes.length)),
      },
    };
  },
  excluded: (result) => result.exclusions.page(0, DEPRECATED_EXCLUDED_LIMIT),
};
