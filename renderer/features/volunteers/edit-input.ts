import type { VolunteerKind, VolunteerSaveInput } from '../../../electron/api';

/** The edit form's fields as typed. */
export interface Draft {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  idNumber: string;
  kind: VolunteerKind;
  unit: string;
  communityId: string | null;
  building: string;
  skills: string[];
}

/** What the form sends: the phone and ID number only when typed (left empty, the ones on file stay; the form never has them unmasked). */
export function editInput(id: string, d: Draft, availability: number[] | null): VolunteerSaveInput {
  return {
    id,
    name: d.name.trim(),
    gender: d.gender,
    birthDate: d.birthDate.trim() || null,
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    ...(d.idNumber.trim() ? { idNumber: d.idNumber.trim() } : {}),
    kind: d.kind,
    unit: d.unit.trim() || null,
    communityId: d.communityId,
    building: d.building.trim() || null,
    skills: d.skills,
    availability,
  };
}
