import { canReadPersonalData, type Caller } from './auth/caller.js';
/**
 * Personal data (PIPL) is masked by default. These are the display forms residents know from
 * government apps: 张*明, 欧阳**, 138****1234, 320684********1234.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars.at(-1);
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/**
 * The one rule for serving personal data: in full only to a caller holding the `pii:read` scope,
 * masked for everyone else (anonymous callers, roles without the scope, other subgraphs).
 */
export function personalDataFor(caller: Caller) {
  const full = canReadPersonalData(caller);
  return {
    name: (value: string) => (full ? value : maskName(value)),
    phone: (value: string) => (full ? value : maskPhone(value)),
    idNumber: (value: string) => (full ? value : maskIdNumber(value)),
  };
}
