/**
 * Duty posts, their shifts and who stood them: checkpoints, testing points, vanguard posts,
 * patrols and screening desks spread over the communities, each shift staffed by a small team
 * working five days in seven. Some places stay vacant (nights most often), some people did not
 * turn up. The people on these teams come from every origin and declare their skills and weekly
 * availability on their own record, so a volunteer registry can add more of them.
 */
import type { Random } from '../../maps/random';
import type { PersonOrigin } from '../schema';
import type { PersonFactory, PersonSpec } from './people';
import type { SeedPreset } from './presets';
import type { CommunityDraft } from './territory';
import type { SeedWriter } from './writer';
import { handoverText } from './handover-notes';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Posts and the days around today the demo covers, by preset. */
export const STAFFING_SIZES: Record<SeedPreset, { posts: number; daysBack: number; daysAhead: number }> = {
  small: { posts: 12, daysBack: 7, daysAhead: 7 },
  default: { posts: 60, daysBack: 14, daysAhead: 16 },
  large: { posts: 200, daysBack: 45, daysAhead: 45 },
};

const SHIFTS = [
  { name: '早班', startMinute: 7 * 60, minutes: 480 },
  { name: '中班', startMinute: 15 * 60, minutes: 480 },
  { name: '夜班', startMinute: 23 * 60, minutes: 480 },
];

const KINDS = [
  { kind: 'checkpoint', label: '卡口', weight: 50, staff: 2, skills: [] as string[] },
  { kind: 'testing', label: '核酸检测点', weight: 15, staff: 3, skills: ['医护'] },
  { kind: 'vanguard', label: '党员先锋岗', weight: 15, staff: 2, skills: [] },
  { kind: 'patrol', label: '巡逻', weight: 10, staff: 2, skills: [] },
  { kind: 'screening', label: '信息排查点', weight: 10, staff: 2, skills: ['信息录入'] },
];

const ORIGINS: { origin: PersonOrigin; weight: number }[] = [
  { origin: 'grid_worker', weight: 15 },
  { origin: 'cadre', weight: 15 },
  { origin: 'community_staff', weight: 20 },
  { origin: 'party_member', weight: 20 },
  { origin: 'volunteer', weight: 22 },
  { origin: 'partner_unit', weight: 8 },
];
const EXTRA_SKILLS = ['驾驶', '外语', '心理疏导', '信息录入'];

/** The hours of a shift as availability masks (Monday first), on every day. */
/**
 * 交接班 on the logged posts: most shifts of the last three days that have ended (and the one under
 * way, if it began an hour ago) leave a note, written by someone of that shift's team near its end.
 */
function writeHandovers(
  logged: { postId: string; kind: string; shifts: { templateId: string; startMinute: number; minutes: number; names: string[] }[] }[],
  writer: SeedWriter,
  rng: Random,
  today: number,
  now: number,
): void {
  for (const post of logged) {
    for (let back = 3; back >= 0; back--) {
      const day = new Date(today - back * DAY);
      for (const shift of post.shifts) {
        const startsAt = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, shift.startMinute).getTime();
        const endsAt = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, shift.startMinute + shift.minutes).getTime();
        if (startsAt > now - 60 * MINUTE || !shift.names.length || !rng.chance(0.7)) continue;
        const { happened, watch } = handoverText(post.kind, rng);
        const writtenAt = Math.min(endsAt - rng.int(5, 30) * MINUTE, now);
        writer.insert('shift_handovers', [post.postId, shift.templateId, dateOf(day.getTime()), startsAt, happened, watch, 'system', rng.pick(shift.names), writtenAt]);
      }
    }
  }
}

function shiftMask(startMinute: number, minutes: number): number[] {
  const mask = [0, 0, 0, 0, 0, 0, 0];
  for (let day = 0; day < 7; day++)
    for (let m = startMinute; m < startMinute + minutes; m += 60) {
      const d = (day + Math.floor(m / 1440)) % 7;
      mask[d]! |= 1 << Math.floor((m % 1440) / 60);
    }
  return mask;
}

const localMidnight = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};
const dateOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function writeStaffing(communities: CommunityDraft[], writer: SeedWriter, people: PersonFactory, rng: Random, now: number, preset: SeedPreset): void {
  const size = STAFFING_SIZES[preset];
  const json = (v: unknown) => JSON.stringify(v);
  const addPerson = (origin: PersonOrigin, skills: string[], availability: number[]): { id: string; name: string } => {
    const spec: PersonSpec = { origin, party: origin === 'party_member' ? 1 : 0.5, age: origin === 'volunteer' ? [18, 65] : [23, 58] };
    const p = people.create(spec);
    return { id: writer.insert('people', [p.name, p.gender, p.phone, p.idNumber, p.partyMember ? 1 : 0, p.origin, p.employer, json(skills), json(availability), null]), name: p.name };
  };
  const origin = () => rng.weighted(ORIGINS.map((o) => o.origin), ORIGINS.map((o) => o.weight));
  const skillsFor = (required: string[]) => {
    const own = new Set(required);
    if (rng.chance(0.3)) own.add(rng.pick(EXTRA_SKILLS));
    return [...own];
  };
  const today = localMidnight(now);
  const firstDay = today - size.daysBack * DAY;
  const days = size.daysBack + size.daysAhead;
  /** Every third post keeps a position log: its shifts, with who stands them, for the notes written at the end. */
  const logged: { postId: string; kind: string; shifts: { templateId: string; startMinute: number; minutes: number; names: string[] }[] }[] = [];

  for (let n = 0; n < size.posts; n++) {
    const community = communities[n % communities.length]!;
    const grids = community.zones.flatMap((z) => z.grids);
    const grid = rng.pick(grids);
    const compound = rng.pick(grid.compounds);
    const kind = rng.weighted(KINDS, KINDS.map((k) => k.weight));
    const anchor = compound.buildings[0]!.centroid;
    const route = kind.kind === 'patrol' ? grid.compounds.slice(0, 4).map((cp) => cp.buildings[0]!.centroid) : null;
    const geometry = route && route.length >= 2 ? { type: 'LineString', coordinates: route } : { type: 'Point', coordinates: anchor };
    const name = `${compound.name}${kind.label}`;
    const postId = writer.insert('duty_posts', [name, kind.kind, community.id!, compound.id!, grid.id!, json(geometry), anchor[1], anchor[0], kind.staff, json(kind.skills)]);
    const shifts = kind.kind === 'screening' ? SHIFTS.slice(0, 2) : SHIFTS;
    const log = n % 3 === 0 ? { postId, kind: kind.kind, shifts: [] as (typeof logged)[number]['shifts'] } : null;
    if (log) logged.push(log);
    for (const shift of shifts) {
      const templateId = writer.insert('shift_templates', [postId, shift.name, shift.startMinute, shift.minutes]);
      const names: string[] = [];
      log?.shifts.push({ templateId, startMinute: shift.startMinute, minutes: shift.minutes, names });
      const night = shift.startMinute >= 23 * 60;
      const team = Math.ceil((kind.staff * 7) / 5);
      for (let k = 0; k < team; k++) {
        // A vacant place on the team: the gaps the board shows in red (nights short most often).
        if (!rng.chance(night ? 0.8 : 0.92)) continue;
        const mask = shiftMask(shift.startMinute, shift.minutes);
        if (rng.chance(0.4)) {
          const other = rng.pick(SHIFTS);
          shiftMask(other.startMinute, other.minutes).forEach((m, d) => (mask[d]! |= m));
        }
        const person = addPerson(kind.skills.length ? rng.pick(['community_staff', 'volunteer', 'partner_unit'] as const) : origin(), skillsFor(kind.skills), mask);
        names.push(person.name);
        const off = [(2 * k + n) % 7, (2 * k + n + 1) % 7];
        for (let d = 0; d < days; d++) {
          const midnight = firstDay + d * DAY;
          const date = new Date(midnight);
          const weekday = (date.getDay() + 6) % 7;
          if (off.includes(weekday)) continue;
          const startsAt = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, shift.startMinute).getTime();
          const endsAt = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, shift.startMinute + shift.minutes).getTime();
          let signedIn: number | null = null;
          let signedOut: number | null = null;
          let noShow = 0;
          if (startsAt <= now) {
            if (rng.chance(0.03)) noShow = 1;
            else {
              signedIn = startsAt + rng.int(-15, 10) * MINUTE;
              if (endsAt <= now) signedOut = endsAt + rng.int(-5, 20) * MINUTE;
            }
          }
          writer.insert('shift_assignments', [postId, templateId, person.id, dateOf(midnight), startsAt, endsAt, '[]', null, 'system', signedIn, signedOut, noShow]);
        }
      }
    }
  }
  writeHandovers(logged, writer, rng.fork('handovers'), today, now);
  // Volunteers on no team yet, free in the evenings and at weekends: what auto-fill can draw on.
  const spare = Math.ceil(size.posts * 0.6);
  for (let i = 0; i < spare; i++) {
    const mask = [0, 0, 0, 0, 0, 0, 0].map((_, d) => (d >= 5 ? 0xffffff : 0xff8000));
    addPerson(rng.chance(0.7) ? 'volunteer' : 'partner_unit', skillsFor(rng.chance(0.25) ? ['医护'] : []), mask);
  }
}
