import { canReadPersonalData, type Caller } from '../auth/caller.js';
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
 * For sensitive personal information (party membership, PIPL art. 28): only the last four digits
 * ("尾号 1234"), enough for a person to recognise their own record or to confirm a number they are
 * told, too few to call anyone or to match the record against another data set.
 */
export function maskPhoneToTail(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return '*'.repeat(phone.length - 4) + phone.slice(-4);
}

/** A day (YYYY-MM-DD) reduced to its year (2015-**-**): enough for statistics, not a key to a person. */
export function maskDateToYear(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : '****-**-**';
}

// Free text (a demand's description, an incident report, a service report's activity) is typed by
// people, who put phone and ID numbers in it however they write them: with spaces or dashes, in
// full-width digits, with +86. The text is matched in a normalised copy of the same length (each
// full-width character maps to one ASCII character), and what matched is replaced in the original.
const NORMALISED: Record<string, string> = {
  '\u3000': ' ',
  '－': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '（': '(',
  '）': ')',
  '＋': '+',
  Ｘ: 'X',
  ｘ: 'x',
};

function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = char.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else out += NORMALISED[char] ?? char;
  }
  return out;
}

const digitsOf = (value: string) => value.replace(/[^\dXx]/g, '').toUpperCase();
const maskLocalNumber = (local: string) => '*'.repeat(Math.max(0, local.length - 4)) + local.slice(-4);

/** Each kind of number in free text, most specific first; separators are spaces and dashes. */
const TEXT_PATTERNS: readonly { pattern: RegExp; mask: (match: RegExpExecArray) => string }[] = [
  {
    // 18-character resident ID (GB 11643): region, birth date, sequence, check digit or X; often
    // written 6-8-4.
    pattern: /(?<![\dA-Za-z])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dXx](?![\dA-Za-z])/g,
    mask: (match) => maskIdNumber(digitsOf(match[0])),
  },
  {
    // Mainland mobile numbers, 1[3-9] and nine more digits, optionally +86 / 0086 / 86 first.
    pattern: /(?<!\d)((?:\+|00)?86[ -]?)?(1[3-9]\d(?:[ -]?\d){8})(?!\d)/g,
    mask: (match) => (match[1] ?? '') + maskPhone(digitsOf(match[2]!)),
  },
  {
    // Landlines with an area code: 0513-85551234, (0513) 8555 1234, 010-12345678.
    pattern: /(?<!\d)(?:\((0\d{2,3})\)|(0\d{2,3}))[ -]?(\d{3,4}[ -]?\d{4})(?!\d)/g,
    mask: (match) => `${match[1] ?? match[2]}-${maskLocalNumber(digitsOf(match[3]!))}`,
  },
  {
    // A local number without area code is only taken for one right after a word that says it is one.
    pattern: /(?<=(?:电话|手机|座机|热线|联系方式|tel|phone)[:： ]{0,3})\d{3,4}[ -]?\d{4}(?!\d)/gi,
    mask: (match) => maskLocalNumber(digitsOf(match[0])),
  },
];

/** The shortest number masked has seven digits (a local number after 电话); fewer cannot match. */
const MIN_DIGITS_MASKED = 7;

function hasDigits(text: string, count: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length && found < count; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) found++;
  }
  return found >= count;
}

/**
 * Masks the phone numbers (mobile and landline) and resident ID numbers a free text contains, in
 * the display forms above; everything else of the text stays as it was written.
 */
export function maskPersonalDataInText(text: string): string {
  if (!hasDigits(text, MIN_DIGITS_MASKED)) return text; // most names and titles: nothing to find
  let current = text;
  for (const { pattern, mask } of TEXT_PATTERNS) {
    const normalised = normalise(current);
    let out = '';
    let last = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(normalised); match !== null; match = pattern.exec(normalised)) {
      out += current.slice(last, match.index) + mask(match);
      last = match.index + match[0].length;
    }
    current = out + current.slice(last);
  }
  return current;
}

/**
 * The one rule for serving personal data: in full only to a caller holding the `pii:read` scope for
 * a record in its own scope (`inScope`, decided by the subgraph that owns the record: a grid
 * worker's pii:read shows its own grid's residents in clear, not the whole street's); masked for
 * everyone else (anonymous callers, roles without the scope, other subgraphs).
 */
export function personalDataFor(caller: Caller, inScope: boolean) {
  const inClear = canReadPersonalData(caller) && inScope;
  const unless = (mask: (value: string) => string) => (value: string) => (inClear ? value : mask(value));
  return {
    inClear,
    name: unless(maskName),
    phone: unless(maskPhone),
    idNumber: unless(maskIdNumber),
    /** Free text: phone and ID numbers inside it masked. */
    text: unless(maskPersonalDataInText),
  };
}

/**
 * personalDataFor when finding out whether the record is in scope costs a lookup: asks `isInScope`
 * only for a caller holding pii:read, since for every other caller the answer changes nothing.
 */
export async function personalDataWithin(caller: Caller, isInScope: () => boolean | Promise<boolean>) {
  return personalDataFor(caller, canReadPersonalData(caller) && (await isInScope()));
}
