/**
 * Volunteer teams, three months of manual service hours and last month's recognition results for
 * whichever volunteers (people of origin 志愿者) exist when it runs: teams per compound of each
 * community and a shock-team chain street → community → checkpoint, about ten to a team.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Random } from '../../maps/random';
import type { SeedWriter } from './writer';

const TEAM_SIZE = 10;
const KINDS = ['信息排查', '站岗执勤', '片区巡逻'];
const ACTIVITIES = ['入户信息排查', '卡口值守', '核酸检测秩序维护', '物资配送', '片区巡逻', '独居老人探访', '环境消杀', '政策宣传'];
const HOURS = [1, 1.5, 2, 2, 2.5, 3, 3, 4, 4, 6];
const CONFIRMERS = ['社区书记', '社区主任', '网格长', '物业经理'];
const REASONS: Record<string, string[]> = {
  volunteer: ['连续值守卡口，风雨无阻', '主动承担独居老人物资配送', '排查信息准确，不漏一户'],
  building_head: ['楼栋防疫组织有力，居民满意', '及时上报楼栋情况，协助转运', '组织楼栋团购保障生活物资'],
};

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function writeVolunteerService(sqlite: Database.Database, writer: SeedWriter, rng: Random, now: number): void {
  const volunteers = rng.shuffle(sqlite.prepare<unknown[], string>(`SELECT id FROM people WHERE source = 'volunteer' AND deleted = 0 ORDER BY id`).pluck().all());
  const communities = sqlite.prepare<unknown[], { id: string; name: string }>('SELECT id, name FROM communities WHERE deleted = 0 ORDER BY code').all();
  if (volunteers.length === 0 || communities.length === 0) return;
  const compoundsOf = sqlite.prepare<unknown[], { id: string; name: string }>('SELECT cp.id, cp.name FROM compounds cp JOIN grids g ON g.id = cp.grid_id WHERE g.community_id = ? AND cp.deleted = 0 ORDER BY cp.name');
  const checkpointOf = sqlite.prepare<unknown[], { id: string; name: string }>(`SELECT id, name FROM duty_posts WHERE community_id = ? AND kind = 'checkpoint' AND deleted = 0 ORDER BY name LIMIT 1`);
  const today = dateOf(now);
  const joined = dateOf(now - 100 * 86_400_000);
  const teamOf = new Map<string, { team: string; community: string }>();

  const street = writer.insert('volunteer_teams', ['街道应急突击队', '突击队', 'street', null, null, null, null, volunteers[0]!]);
  teamOf.set(volunteers[0]!, { team: street, community: communities[0]!.id });
  writer.insert('team_members', [street, volunteers[0]!, joined, null]);
  const per = Math.ceil((volunteers.length - 1) / communities.length);
  communities.forEach((c, ci) => {
    const pool = volunteers.slice(1 + ci * per, 1 + (ci + 1) * per);
    if (pool.length === 0) return;
    const compounds = compoundsOf.all(c.id);
    // The shock-team chain takes a few from the community's pool; the rest go round the compound teams.
    const shock = writer.insert('volunteer_teams', [`${c.name}突击队`, '突击队', 'community', street, c.id, null, null, pool[0]!]);
    const chain: string[] = [shock, shock, shock];
    const post = checkpointOf.get(c.id);
    if (post) {
      const postTeam = writer.insert('volunteer_teams', [`${post.name}突击队`, '突击队', 'post', shock, c.id, null, post.id, pool[3] ?? null]);
      chain.push(postTeam, postTeam);
    }
    const teams: string[] = [];
    const rest = Math.max(0, pool.length - chain.length);
    const more = Math.max(1, Math.ceil(rest / TEAM_SIZE));
    for (let k = 0; k < more; k++) {
      const kind = KINDS[k % KINDS.length]!;
      const cp = compounds.length ? compounds[k % compounds.length]! : null;
      const base = cp ? `${cp.name}${kind}队` : `${c.name}${kind}队`;
      teams.push(writer.insert('volunteer_teams', [k >= compounds.length * KINDS.length ? `${base}${Math.floor(k / (compounds.length * KINDS.length)) + 1}` : base, kind, cp ? 'compound' : 'community', null, c.id, cp?.id ?? null, null, pool[chain.length + k] ?? null]));
    }
    pool.forEach((p, i) => {
      const team = i < chain.length ? chain[i]! : teams[(i - chain.length) % teams.length]!;
      writer.insert('team_members', [team, p, joined, null]);
      teamOf.set(p, { team, community: c.id });
    });
  });

  // Three months of manual hours: this month so far and the two before it.
  const d = new Date(now);
  for (let back = 2; back >= 0; back--) {
    const first = new Date(d.getFullYear(), d.getMonth() - back, 1);
    const days = back === 0 ? d.getDate() : new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
    for (const p of volunteers) {
      const t = teamOf.get(p)!;
      const entries = rng.weighted([0, 1, 2, 3, 4, 5], [20, 20, 20, 18, 12, 10]);
      for (let e = 0; e < entries; e++) {
        const day = new Date(first.getFullYear(), first.getMonth(), rng.int(1, days)).getTime();
        const date = dateOf(day);
        if (date > today) continue;
        writer.insert('service_hours', [p, rng.pick(ACTIVITIES), date, Math.round(rng.pick(HOURS) * 60), rng.pick(CONFIRMERS), null, t.team, t.community, '系统']);
      }
    }
  }

  // Last month's recognition, closed: three nominees per title, the most voted elected.
  const last = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  const month = `${last.getFullYear()}-${pad(last.getMonth() + 1)}`;
  const heads = sqlite.prepare<unknown[], string>(`SELECT DISTINCT person_id FROM duty_assignments WHERE role = 'building_head' AND deleted = 0 ORDER BY person_id LIMIT 50`).pluck().all();
  const closedAt = new Date(d.getFullYear(), d.getMonth(), 1, 9).getTime();
  for (const [title, pool] of [['volunteer', volunteers], ['building_head', heads.length ? heads : volunteers]] as const) {
    const picks = rng.shuffle([...pool].slice(0, 50)).slice(0, 3);
    const votes = picks.map(() => rng.int(1, 12));
    const top = Math.max(...votes);
    picks.forEach((person, i) => {
      writer.insert('recognition_nominations', [month, title, person, 'system', '社区书记', rng.pick(REASONS[title]!), votes[i]!, votes[i] === top ? 1 : 0, closedAt]);
    });
  }
}
