import { afterEach, describe, expect, it } from 'vitest';
import { volunteerDetail } from '../../../db/volunteers/detail';
import { saveVolunteer } from '../../../db/volunteers/save';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import type { VolunteerSaveInput } from '../../../electron/api/volunteers';
import { editInput } from '../../../renderer/features/volunteers/edit-input';
import { ADMIN } from '../helpers/actors';
import { dataState, openImportStreet, type ImportStreet } from './street';

let s: ImportStreet | undefined;
afterEach(() => s?.close());

const NOW = Date.UTC(2026, 11, 3, 2);
const idNo = (first17: string) => first17 + idNumberCheckChar(first17);

describe('editing a volunteer from their page', () => {
  it('keeps the phone and ID number on file when the form leaves them empty, and changes them when typed', () => {
    s = openImportStreet();
    const ctx = s.host.context(ADMIN);
    const number = idNo('37020219900101001');
    const { id } = saveVolunteer(ctx, { name: '张三', gender: 'male', phone: '13812345678', idNumber: number, kind: 'public', skills: [] }, NOW);
    const raw = () => s!.sqlite.prepare('SELECT p.name, p.phone, p.id_number AS idNumber FROM people p JOIN volunteer_profiles v ON v.person_id = p.id WHERE v.id = ?').get(id);
    const d = volunteerDetail(ctx, { id });
    const draft = { name: '张三丰', gender: d.gender, birthDate: d.birthDate ?? '', phone: '', idNumber: '', kind: 'cadre' as const, unit: '区卫健局', communityId: s.t.community, building: '3号楼', skills: ['医护'] };
    const input = editInput(id, draft, d.availability);
    expect(input).not.toHaveProperty('phone');
    expect(input).not.toHaveProperty('idNumber');
    saveVolunteer(ctx, input, NOW);
    expect(raw()).toEqual({ name: '张三丰', phone: '13812345678', idNumber: number });
    expect(volunteerDetail(ctx, { id })).toMatchObject({ kind: 'cadre', unit: '区卫健局', building: '3号楼', skills: ['医护'], phone: '138****5678' });

    saveVolunteer(ctx, editInput(id, { ...draft, phone: '13900001111' }, d.availability), NOW);
    expect(raw()).toMatchObject({ phone: '13900001111', idNumber: number });
  });

  it('refuses a bad phone typed in the form, naming the field, and writes nothing', () => {
    s = openImportStreet();
    const ctx = s.host.context(ADMIN);
    const { id } = saveVolunteer(ctx, { name: '李四', gender: 'female', phone: '13900004321', kind: 'public', skills: [] }, NOW);
    const before = dataState(s.sqlite);
    const bad: VolunteerSaveInput = { id, name: '李四', gender: 'female', phone: '1390000', kind: 'public', skills: [] };
    expect(() => saveVolunteer(ctx, bad, NOW)).toThrow(expect.objectContaining({ field: 'phone' }));
    expect(dataState(s.sqlite)).toEqual(before);
  });

  it('still asks a new volunteer for a phone', () => {
    s = openImportStreet();
    const ctx = s.host.context(ADMIN);
    expect(() => saveVolunteer(ctx, { name: '王五', gender: 'male', kind: 'public', skills: [] }, NOW)).toThrow(expect.objectContaining({ field: 'phone' }));
  });
});
