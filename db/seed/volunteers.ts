/**
 * The volunteer registry of the demo street: people who signed up in their community — party
 * members, youth, women, residents, party members registered where they live (with their work
 * unit), cadres sent down (with their unit) — each with a profile (community, building, status,
 * the duty briefing), specialties from the list, weekly availability, and the history of their
 * status. Same seed ⇒ the same volunteers.
 */
import type { Random } from '../../maps/random';
import type { PersonOrigin, VolunteerKind, VolunteerStatus } from '../schema';
import { initialsOf } from '../volunteers/initials';
import type { PersonFactory } from './people';
import type { SeedPreset } from './presets';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';

export const VOLUNTEER_COUNTS: Record<SeedPreset, number> = { small: 300, default: 3_000, large: 20_000 };

const DAY = 86_400_000;
const KINDS: { kind: VolunteerKind; weight: number; origin: PersonOrigin; female: number }[] = [
  { kind: 'party', weight: 25, origin: 'party_member', female: 0.5 },
  { kind: 'youth', weight: 20, origin: 'volunteer', female: 0.5 },
  { kind: 'women', weight: 12, origin: 'volunteer', female: 1 },
  { kind: 'public', weight: 25, origin: 'volunteer', female: 0.55 },
  { kind: 'registered_party', weight: 12, origin: 'party_member', female: 0.45 },
  { kind: 'cadre', weight: 6, origin: 'cadre', female: 0.4 },
];
const SPECIALTIES = ['医护', '心理', '驾驶', '电工', '外语', '法律', '信息录入', '水暖', '厨师', '摄影'];
const SPECIALTY_WEIGHTS = [10, 4, 14, 6, 5, 3, 16, 5, 6, 4];
const PAUSE_REASONS = ['外出务工一个月', '身体不适，暂停值守', '家中老人需照顾', '工作调整，暂时无法参加'];
const LEAVE_REASONS = ['搬离本社区', '本人申请退出', '长期联系不上'];
const UNITS = ['市南区市场监管局', '市南区教育局', '青岛市第二人民医院', '市南区税务局', '中山路派出所', '市南区城管局', '青岛银行市南支行'];

/** Evenings and weekends, or daytime on some weekdays: seven 24-bit masks, Monday first. */
function availability(rng: Random): number[] | null {
  if (rng.chance(0.15)) return null;
  const evening = 0b111111 << 17;
  const day = 0b111111111 << 8;
  return Array.from({ length: 7 }, (_, d) => (d >= 5 ? (rng.chance(0.8) ? day | evening : 0) : rng.chance(0.5) ? evening : rng.chance(0.2) ? day : 0));
}

export function writeVolunteers(communities: CommunityDraft[], writer: SeedWriter, people: PersonFactory, rng: Random, now: number, preset: SeedPreset, operators: string[]): number {
  const total = VOLUNTEER_COUNTS[preset];
  const json = (v: unknown) => JSON.stringify(v);
  const places = communities.map((c) => ({
    id: c.id!,
    buildings: c.zones.flatMap((z) => z.grids.flatMap((g) => g.compounds.flatMap((cp) => cp.buildings.map((b) => `${cp.name}${b.name}`)))),
  }));
  const initials = new Map<string, string>();
  for (let i = 0; i < total; i++) {
    const k = rng.weighted(KINDS, KINDS.map((x) => x.weight));
    const p = people.create({ origin: k.origin, party: k.kind === 'party' || k.kind === 'registered_party' ? 1 : 0.2, age: k.kind === 'youth' ? [18, 35] : [22, 70], female: k.female });
    const skillCount = rng.weighted([0, 1, 2, 3], [30, 45, 20, 5]);
    const skills = new Set<string>();
    while (skills.size < skillCount) skills.add(rng.weighted(SPECIALTIES, SPECIALTY_WEIGHTS));
    const unit = k.kind === 'registered_party' || k.kind === 'cadre' ? (p.employer ?? rng.pick(UNITS)) : null;
    const personId = writer.insert('people', [p.name, p.gender, p.phone, p.idNumber, p.partyMember ? 1 : 0, p.origin, unit ?? p.employer, json([...skills]), json(availability(rng)), null]);
    const place = rng.pick(places);
    const building = place.buildings.length ? rng.pick(place.buildings) : null;
    const status: VolunteerStatus = rng.weighted(['active', 'paused', 'left'] as const, [86, 9, 5]);
    const joined = now - rng.int(30, 900) * DAY;
    const briefing = rng.chance(0.7) ? joined + rng.int(0, 20) * DAY : null;
    const birth = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
    let ini = initials.get(p.name);
    if (ini === undefined) initials.set(p.name, (ini = initialsOf(p.name)));
    const profileId = writer.insert('volunteer_profiles', [personId, k.kind, unit, place.id, building, status, briefing, birth, ini]);
    const by = rng.pick(operators);
    writer.insert('volunteer_status_changes', [profileId, null, 'active', '登记为志愿者', by, joined]);
    if (status !== 'active') {
      const at = joined + rng.int(1, Math.max(2, Math.floor((now - joined) / DAY) - 1)) * DAY;
      writer.insert('volunteer_status_changes', [profileId, 'active', status, rng.pick(status === 'paused' ? PAUSE_REASONS : LEAVE_REASONS), by, at]);
    }
  }
  return total;
}
