/**
 * Turns the geometric layout into the street office's records before anything is written:
 * codes, names, addresses, compound kinds, floors, units, households and residents.
 */
import type { BuildingKind, CompoundKind, ControlStatus } from '../schema';
import type { StreetLayout } from '../../maps/layout';
import type { Position } from '../../maps/local-frame';
import type { Random } from '../../maps/random';
import { buildingSize } from './households';
import type { StatusChange } from '../../electron/api/buildings';
import { GATED_PREFIXES, GATED_SUFFIXES, LANDMARK_COMMUNITIES, LI_FIRST, LI_SECOND, STREET_OFFICE } from './names';

export type HistoryDraft = Omit<StatusChange, 'id' | 'batchId' | 'bulk'>;

export interface BuildingDraft {
  id?: string;
  kind: BuildingKind;
  name: string;
  address: string;
  floors: number;
  units: number[];
  households: number;
  residents: number;
  footprint: Position[];
  centroid: Position;
  status: ControlStatus;
  statusSince: number;
  history: HistoryDraft[];
  unitIds?: string[];
  /** One byte per household, in room order: size (1–6) in the low bits, FLOATING_HOUSEHOLD when floating. */
  householdPlan?: Uint8Array;
  /** Name of the 楼栋长 / 弄巷长, once duties are written. */
  headName?: string;
}

export interface CompoundDraft {
  id?: string;
  name: string;
  kind: CompoundKind;
  road: string;
  hasPropertyMgmt: boolean;
  openCompound: boolean;
  buildings: BuildingDraft[];
}

export interface GridDraft {
  id?: string;
  code: string;
  number: number;
  name: string;
  boundary: Position[][];
  label: Position;
  compounds: CompoundDraft[];
  /** Names of the grid's 网格员, once duties are written. */
  workers?: string[];
}

export interface ZoneDraft {
  id?: string;
  number: number;
  name: string;
  grids: GridDraft[];
}

export interface CommunityDraft {
  id?: string;
  code: string;
  name: string;
  boundary: Position[][];
  label: Position;
  zones: ZoneDraft[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Residents per household are scaled (within 2.2–3.0) so the total lands near the preset's figure. */
export function draftTerritory(layout: StreetLayout, targetResidents: number, rng: Random): CommunityDraft[] {
  const usedCommunityNames = new Set<string>();
  const landmarks = rng.shuffle([...LANDMARK_COMMUNITIES]);
  const communities = layout.communities.map((lc, c): CommunityDraft => {
    const code = `${STREET_OFFICE.code.slice(0, 9)}${String(c + 1).padStart(3, '0')}`;
    const name = communityName(lc.grids.flatMap((g) => g.compounds.map((cp) => cp.road)), c, usedCommunityNames, landmarks);
    const usedCompoundNames = new Set<string>();
    const grids = lc.grids.map((lg, g): GridDraft => ({
      code: `${code}-${String(g + 1).padStart(2, '0')}`,
      number: g + 1,
      name: `第${g + 1}网格`,
      boundary: lg.boundary,
      label: lg.label,
      compounds: lg.compounds.map((lcp): CompoundDraft => {
        const compoundName = compoundNameFor(lcp.kind, usedCompoundNames, rng);
        const hasPropertyMgmt = lcp.kind === 'gated' || (lcp.kind === 'open' && rng.chance(0.4));
        const openCompound = lcp.kind === 'open' || (lcp.kind === 'old' && rng.chance(0.3));
        const buildings = lcp.buildings.map((lb, b): BuildingDraft => {
          const kind: BuildingKind = lb.shape === 'alley' ? 'alley' : 'building';
          const buildingName = kind === 'alley' ? `${CN[b] ?? b + 1}巷` : `${b + 1}号楼`;
          const size = buildingSize(lb.shape, lcp.kind, lb.length, rng);
          const households = size.units.reduce((s, u) => s + u, 0);
          return {
            kind, name: buildingName, address: `${STREET_OFFICE.name} ${name} ${compoundName} ${buildingName}`,
            floors: size.floors, units: size.units, households, residents: 0,
            footprint: lb.footprint, centroid: lb.centroid, status: 'normal', statusSince: 0, history: [],
          };
        });
        return { name: compoundName, kind: lcp.kind, road: lcp.road, hasPropertyMgmt, openCompound, buildings };
      }),
    }));
    const zoneCount = Math.min(grids.length, Math.max(3, Math.min(5, Math.round(grids.length / 3))));
    const zones = Array.from({ length: zoneCount }, (_, z): ZoneDraft => ({
      number: z + 1,
      name: `第${CN[z]}片区`,
      grids: grids.slice(Math.round((z * grids.length) / zoneCount), Math.round(((z + 1) * grids.length) / zoneCount)),
    }));
    return { code, name, boundary: lc.boundary, label: lc.label, zones };
  });

  const buildings = communities.flatMap((c) => c.zones.flatMap((z) => z.grids.flatMap((g) => g.compounds.flatMap((cp) => cp.buildings))));
  const households = buildings.reduce((s, b) => s + b.households, 0);
  const perHousehold = Math.min(Math.max(targetResidents / Math.max(households, 1), 2.2), 3.0);
  for (const b of buildings) b.residents = Math.max(1, Math.round(b.households * perHousehold * rng.range(0.85, 1.15)));
  return communities;
}

/** Named after the road most of its compounds face (香港中路社区), or now and then after a landmark. */
function communityName(roads: string[], index: number, used: Set<string>, landmarks: string[]): string {
  const counts = new Map<string, number>();
  for (const r of roads) counts.set(r, (counts.get(r) ?? 0) + 1);
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => `${r}社区`);
  const candidates = index % 4 === 3 ? [...landmarks.map((l) => `${l}社区`), ...byCount] : [...byCount, ...landmarks.map((l) => `${l}社区`)];
  const name = candidates.find((n) => !used.has(n)) ?? `第${index + 1}社区`;
  used.add(name);
  return name;
}

function compoundNameFor(kind: CompoundKind, used: Set<string>, rng: Random): string {
  for (let attempt = 0; ; attempt++) {
    let name: string;
    if (kind === 'gated') name = rng.pick(GATED_PREFIXES) + rng.pick(GATED_SUFFIXES);
    else if (kind === 'bungalow') name = `${rng.pick(LI_FIRST)}${rng.pick(LI_SECOND)}里`;
    else name = `${rng.int(1, attempt < 50 ? 120 : 400)}号院`;
    if (attempt > 200) name = `${name}${attempt}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
