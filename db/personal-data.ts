import { can } from './auth/permissions';
import type { Actor } from './auth/roles';

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

/**
 * `王秀英` → `王**`: the family name and a fixed tail, so neither the given name nor its length
 * shows. Also for free text naming a person (a need's requester, "张大爷 3单元402").
 */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '' : `${first}**`;
}

/** A room (`1单元101`) for whoever may not see where a resident lives. */
export const MASKED_ROOM = '***';

/**
 * Whether the actor sees residents' and duty holders' names and rooms. Without the personal-data
 * permissions (`people.read`, or `personal.reveal` when granted) a role gets counts and masked
 * names only, in every read.
 */
export function seesPeople(actor: Actor): boolean {
  return can(actor, 'people.read') || can(actor, 'personal.reveal');
}

/** The name as the actor may see it. */
export function nameFor(actor: Actor, name: string): string {
  return seesPeople(actor) ? name : maskName(name);
}
