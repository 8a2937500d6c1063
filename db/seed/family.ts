/**
 * Who lives together in a demo household: the head (户主) first, then spouse, children,
 * parents, a grandchild, or co-tenants; ages and genders that fit each relation.
 */
import type { Random } from '../../maps/random';
import type { Gender, Relation } from '../schema';
import { givenName, pickSurname } from './people';

export interface MemberDraft {
  relation: Relation;
  gender: Gender;
  age: number;
  name: string;
}

type Template = Relation[];

const TEMPLATES: Record<number, [Template[], number[]]> = {
  2: [[['head', 'spouse'], ['head', 'child']], [0.8, 0.2]],
  3: [[['head', 'spouse', 'child'], ['head', 'spouse', 'parent'], ['head', 'child', 'child']], [0.75, 0.15, 0.1]],
  4: [[['head', 'spouse', 'child', 'child'], ['head', 'spouse', 'child', 'parent'], ['head', 'spouse', 'child', 'grandchild']], [0.55, 0.35, 0.1]],
  5: [
    [['head', 'spouse', 'child', 'parent', 'parent'], ['head', 'spouse', 'child', 'child', 'parent'], ['head', 'spouse', 'child', 'other', 'grandchild']],
    [0.5, 0.3, 0.2],
  ],
  6: [[['head', 'spouse', 'child', 'child', 'parent', 'parent'], ['head', 'spouse', 'child', 'other', 'grandchild', 'grandchild']], [0.6, 0.4]],
};

const opposite = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const clampAge = (age: number) => Math.max(0, Math.min(99, age));

function singleAge(rng: Random, floating: boolean): number {
  if (floating) return rng.int(19, 52);
  const bracket = rng.weighted([0, 1, 2, 3], [0.33, 0.24, 0.13, 0.3]);
  return bracket === 0 ? rng.int(22, 39) : bracket === 1 ? rng.int(40, 59) : bracket === 2 ? rng.int(60, 69) : rng.int(70, 93);
}

/** The members of one household of `size` people, head first. */
export function draftFamily(rng: Random, size: number, floating: boolean): MemberDraft[] {
  if (size === 1) {
    const age = singleAge(rng, floating);
    const gender: Gender = rng.chance(age >= 70 ? 0.62 : 0.48) ? 'female' : 'male';
    return [{ relation: 'head', gender, age, name: pickSurname(rng) + givenName(rng, gender) }];
  }
  if (floating && rng.chance(0.35)) return coTenants(rng, size);
  const [templates, weights] = TEMPLATES[size]!;
  const template = rng.weighted(templates, weights);
  const hasParent = template.includes('parent');
  const hasGrandchild = template.includes('grandchild');
  const hasChild = template.includes('child');
  const headAge = hasGrandchild ? rng.int(52, floating ? 62 : 74)
    : hasParent ? rng.int(30, floating ? 45 : 56)
    : floating ? rng.int(24, 52)
    : hasChild ? rng.int(28, 62)
    : rng.weighted([0, 1, 2], [0.3, 0.25, 0.45]) === 0 ? rng.int(25, 35) : rng.int(36, 88);
  const hasSpouse = template.includes('spouse');
  const headGender: Gender = rng.chance(hasSpouse ? 0.66 : 0.4) ? 'male' : 'female';
  const headSurname = pickSurname(rng);
  const spouseSurname = pickSurname(rng);
  const fatherSurname = headGender === 'male' || !hasSpouse ? headSurname : spouseSurname;
  const members: MemberDraft[] = [];
  const add = (relation: Relation, gender: Gender, age: number, surname: string) =>
    members.push({ relation, gender, age: clampAge(age), name: surname + givenName(rng, gender) });

  add('head', headGender, headAge, headSurname);
  let firstChild: MemberDraft | null = null;
  let childSurname = fatherSurname;
  let otherSurname: string | null = null;
  let parents = 0;
  for (const relation of template.slice(1)) {
    if (relation === 'spouse') {
      const gap = rng.int(-1, 5);
      add('spouse', opposite(headGender), headGender === 'male' ? headAge - gap : headAge + gap, spouseSurname);
    } else if (relation === 'child') {
      const gender: Gender = rng.chance(0.51) ? 'male' : 'female';
      const age = hasGrandchild && !firstChild ? headAge - rng.int(23, 30) : headAge - rng.int(22, Math.min(38, Math.max(22, headAge)));
      const surname = rng.chance(0.92) ? fatherSurname : spouseSurname;
      add('child', gender, age, surname);
      if (!firstChild) {
        firstChild = members[members.length - 1]!;
        childSurname = surname;
      }
    } else if (relation === 'parent') {
      const gender: Gender = template.filter((r) => r === 'parent').length === 2 ? (parents === 0 ? 'male' : 'female') : rng.chance(0.35) ? 'male' : 'female';
      const age = parents === 0 ? headAge + rng.int(23, 33) : members[members.length - 1]!.age - rng.int(0, 4);
      add('parent', gender, age, gender === 'male' ? headSurname : pickSurname(rng));
      parents++;
    } else if (relation === 'other') {
      const child = firstChild!;
      otherSurname = pickSurname(rng);
      add('other', opposite(child.gender), child.age + rng.int(-3, 3), otherSurname);
    } else if (relation === 'grandchild') {
      const parentAge = firstChild?.age ?? headAge - 26;
      const gender: Gender = rng.chance(0.51) ? 'male' : 'female';
      const surname = firstChild?.gender === 'male' ? childSurname : (otherSurname ?? pickSurname(rng));
      add('grandchild', gender, parentAge - rng.int(22, Math.min(34, Math.max(22, parentAge))), surname);
    }
  }
  return members;
}

/** Young people sharing a rented room: the first signs as head, the others are tenants. */
function coTenants(rng: Random, size: number): MemberDraft[] {
  const gender: Gender = rng.chance(0.55) ? 'male' : 'female';
  return Array.from({ length: size }, (_, i): MemberDraft => ({
    relation: i === 0 ? 'head' : 'tenant',
    gender,
    age: rng.int(19, 42),
    name: pickSurname(rng) + givenName(rng, gender),
  }));
}
