import type { HelpKindResolvers } from '../__generated__/resolvers-types.js';

export const HelpKind: HelpKindResolvers = {
  subKind: (kind) => kind.sub_kind,
  defaultAmount: (kind) => kind.default_amount,
};
