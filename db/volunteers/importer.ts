import type { z } from 'zod';
import type { VolunteerSaveInput } from '../../electron/api/volunteers';
import type { ServiceContext } from '../context';
import { parseRow } from '../imports/parse-row';
import type { FieldProblem, Importer, RowCheck, RowMatch } from '../imports/types';
import { cachedStatement } from '../sync/statements';
import { excelDamage } from '../territory/resident-importer';
import { checkVolunteer, type VolunteerValue } from './check';
import { dateOf, foldCell, genderOf, phoneDamage } from './normalise';
import { findPerson, writeVolunteer } from './save';
import { kindOf, KIND_WORDS } from './words';

/** Splits 医护、驾驶 / 医护,驾驶 / 医护 驾驶 into the specialties. */
const splitSkills = (text: string) => text.split(/[、,，;；/\s]+/).map((s) => s.trim()).filter(Boolean);

/** Communities by their name, with and without 社区 / 居委会. */
function communityIds(ctx: ServiceContext): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of cachedStatement(ctx.sqlite, 'SELECT id, name FROM communities WHERE deleted = 0').all() as { id: string; name: string }[]) {
    map.set(c.name, c.id);
    map.set(c.name.replace(/(社区|居委会|社区居委会)$/, ''), c.id);
  }
  return map;
}

const todayOf = (now: number) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Sign-up sheets (志愿者报名表) as communities keep them: one volunteer a row, headers in any order
 * and wording. Each row is folded (full-width, spaces), checked with the `volunteers.save` schema
 * and the registry's rules (GB 11643 ID numbers, phones, Excel's damage named), and matched to a
 * known person by ID number, then name + phone: a volunteer already registered is updated, a person
 * already on the duty roster becomes a volunteer with their record kept (merge), the rest are new.
 */
export function volunteerImporter(schema: z.ZodType<VolunteerSaveInput>, clock: () => number = Date.now): Importer<VolunteerValue> {
  return {
    kind: 'volunteers',
    title: '志愿者报名表',
    permission: 'volunteers.edit',
    domains: ['volunteers', 'staffing'],
    fields: [
      { key: 'name', label: '姓名', required: true, aliases: ['名字', '志愿者姓名', '报名人', '姓 名'] },
      { key: 'gender', label: '性别', required: false, aliases: ['男/女'], hint: '男 / 女；留空时按身份证号' },
      { key: 'birthDate', label: '出生日期', required: false, aliases: ['出生年月', '生日', '出生年月日'], hint: '1990年1月2日、1990.1.2、1990/01/02 或 19900102' },
      { key: 'phone', label: '联系电话', required: true, aliases: ['手机', '手机号', '手机号码', '电话', '联系方式', '电话号码'] },
      { key: 'idNumber', label: '身份证号', required: false, unique: true, aliases: ['证件号码', '身份证号码', '公民身份号码', '身份证', '证件号'] },
      { key: 'kind', label: '志愿者类型', required: false, aliases: ['类型', '类别', '身份', '志愿者类别', '人员类别'], hint: '党员志愿者、青年志愿者、巾帼志愿者、群众志愿者、在职党员报到、下沉干部' },
      { key: 'unit', label: '单位', required: false, aliases: ['工作单位', '所在单位', '派出单位', '报到单位'], hint: '在职党员报到、下沉干部必填' },
      { key: 'community', label: '社区', required: false, aliases: ['所属社区', '居住社区', '报到社区'] },
      { key: 'building', label: '楼栋', required: false, aliases: ['居住楼栋', '楼号', '住址', '家庭住址', '居住地址'] },
      { key: 'skills', label: '特长', required: false, aliases: ['专长', '技能', '特长技能'], hint: '多个用顿号分开：医护、驾驶' },
    ],
    uniqueTogether: [['name', 'phone']],
    check(ctx, raw): RowCheck<VolunteerValue> {
      const cells = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === undefined ? undefined : foldCell(v)]));
      const problems: FieldProblem[] = [];
      for (const [field, text] of Object.entries(cells)) {
        if (text?.includes('\uFFFD')) problems.push({ field, reason: `「${text}」里有读坏的文字（�）：请重新导入这个文件` });
      }
      const now = clock();
      const idText = (cells.idNumber ?? '').replace(/\s+/g, '');
      const idDamage = idText ? excelDamage(idText) : null;
      if (idDamage) problems.push({ field: 'idNumber', reason: idDamage });
      const phoneText = cells.phone ?? '';
      const phoneHurt = phoneDamage(phoneText);
      if (phoneHurt) problems.push({ field: 'phone', reason: phoneHurt });
      let birthDate: string | null = null;
      if (cells.birthDate) {
        const read = dateOf(cells.birthDate, todayOf(now));
        if (read.ok) birthDate = read.date;
        else problems.push({ field: 'birthDate', reason: read.reason });
      }
      let gender = cells.gender ? genderOf(cells.gender) : null;
      if (cells.gender && !gender) problems.push({ field: 'gender', reason: `性别「${cells.gender}」应为 男 或 女` });
      if (!cells.gender && /^\d{17}[\dXx]$/.test(idText)) gender = Number(idText[16]) % 2 === 1 ? 'male' : 'female';
      if (!cells.gender && !gender) problems.push({ field: 'gender', reason: '没有性别，身份证号也无法推出：请填写 男 或 女' });
      const kind = cells.kind ? kindOf(cells.kind) : 'public';
      if (!kind) problems.push({ field: 'kind', reason: `志愿者类型「${cells.kind}」不认识：应为 ${Object.values(KIND_WORDS).join('、')}` });
      let communityId: string | null = null;
      if (cells.community) {
        communityId = communityIds(ctx).get(cells.community) ?? null;
        if (!communityId) problems.push({ field: 'community', reason: `没有叫「${cells.community}」的社区` });
      }
      if (problems.length > 0) return { ok: false, problems };
      const input = {
        name: cells.name ?? '',
        gender: gender!,
        birthDate,
        phone: phoneText,
        ...(idText ? { idNumber: idText } : {}),
        kind: kind!,
        unit: cells.unit || null,
        communityId,
        building: cells.building || null,
        skills: cells.skills ? splitSkills(cells.skills) : [],
      };
      const parsed = parseRow(schema, input, cells);
      if (!parsed.ok) return parsed;
      const checked = checkVolunteer(ctx, parsed.value, now);
      if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ field: p.field === 'communityId' ? 'community' : p.field, reason: p.reason })) };
      return { ok: true, value: checked.value };
    },
    match(ctx, value): RowMatch {
      const known = findPerson(ctx, value);
      if (!known) return { outcome: 'create' };
      if (known.how === 'idNumber' && known.name !== value.name) {
        return { outcome: 'conflict', problems: [{ field: 'name', reason: `身份证号已登记为「${known.name}」，与表中的「${value.name}」不同：请核对后再导入` }] };
      }
      if (known.how === 'idNumber') {
        const twin = findPerson(ctx, { idNumber: null, name: value.name, phone: value.phone });
        if (twin && twin.person_id !== known.person_id) {
          return { outcome: 'conflict', problems: [{ field: 'phone', reason: `身份证号与姓名 + 电话各对应一条记录，可能是同一人登记了两次：请先在「志愿者 › 疑似重复」里合并「${known.name}」的两条记录，再导入` }] };
        }
      }
      return { outcome: 'update' };
    },
    write(ctx, value) {
      writeVolunteer(ctx, value, clock());
    },
  };
}
