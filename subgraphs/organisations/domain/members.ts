import { maskDateToYear, maskPhoneToTail } from '../../../lib/subgraph/masking.js';
import type { PartyMemberRow } from '../store.js';

/**
 * What of a party member leaves the subgraph (PIPL art. 28: party membership is sensitive personal
 * information). In clear for those allowed (lib/subgraph/masking.ts personalDataFor); otherwise in a
 * form that no longer picks a person out of a list or links them to another data set — the masked
 * name, the last four phone digits, the year they joined — while keeping what the roster's readers
 * work with (gender, organisation, residence, workplace), which are not masked at all.
 */
export interface ShownMember {
  name: string;
  phone: string;
  joinedOn: string;
}

export function shownMember(
  member: Pick<PartyMemberRow, 'name' | 'phone' | 'joined_on'>,
  personal: { inClear: boolean; name: (value: string) => string },
): ShownMember {
  return {
    name: personal.name(member.name),
    phone: personal.inClear ? member.phone : maskPhoneToTail(member.phone),
    joinedOn: personal.inClear ? member.joined_on : maskDateToYear(member.joined_on),
  };
}
