/** `13812345678` → `138****5678`; landlines keep area code and last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepHead = phone.indexOf('-') > 0 ? phone.indexOf('-') + 1 : 3;
  return phone.slice(0, keepHead) + '*'.repeat(Math.max(phone.length - keepHead - 4, 0)) + phone.slice(-4);
}

/** `370202198001011234` → `3702**********1234`. */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
