/**
 * Chinese resident ID numbers (GB 11643-1999, 18 digits with an ISO 7064 MOD 11-2 check
 * character) and mobile numbers, generated for demo people and validated in tests.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** 6-digit region + yyyyMMdd birth date + 3-digit sequence (odd for men) + check character. */
export function makeIdNumber(region: string, birth: Date, sequence: number): string {
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const first17 = `${region}${date}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** Format, a real birth date, and the check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** Mobile prefixes of the three carriers (13x, 15x, 18x, 19x blocks in use). */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '193', '195',
  '198', '199',
];

export function isValidMobile(phone: string): boolean {
  return /^1(3\d|5[0-35-9]|8\d|9[135689])\d{8}$/.test(phone);
}
