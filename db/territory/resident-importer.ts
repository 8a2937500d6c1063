import type Database from 'better-sqlite3-multiple-ciphers';
import type { Importer, RowCheck, RowMatch } from '../imports/types';
import type { ServiceContext } from '../context';
import { households, residentTags, residents, type Relation, type Registration, type ResidentTagKind } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { validateIdNumber } from '../validation/id-number';
import { validatePhone } from '../validation/phone';
import { BuildingMatcher, normaliseAddress, splitAddress } from './address';

export interface ResidentRow {
  address: string;
  building: string;
  room: string;
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthYear: number;
  phone: string | null;
  relation: Relation;
  registration: Registration;
  /** Special groups named in the row (特殊人群, or beside the category: 户籍、独居老人). */
  groups: ResidentTagKind[];
}

const RELATIONS: Record<string, Relation> = {
  户主: 'head', 本人: 'head', 配偶: 'spouse', 妻: 'spouse', 夫: 'spouse', 妻子: 'spouse', 丈夫: 'spouse',
  子: 'child', 女: 'child', 儿子: 'child', 女儿: 'child', 子女: 'child', 父亲: 'parent', 母亲: 'parent', 父母: 'parent',
  孙子: 'grandchild', 孙女: 'grandchild', 租户: 'tenant', 租客: 'tenant', 其他: 'other',
};

/** 户籍 → registered; 流动 and 境外 live here registered elsewhere. */
/** The special groups' words in a register, to the tags the app keeps (`resident_tags`). */
const GROUPS: Record<string, ResidentTagKind> = {
  独居老人: 'elderly_alone', 独居: 'elderly_alone', 空巢独居: 'elderly_alone',
  残疾人: 'disabled', 残疾: 'disabled', 残障: 'disabled', 残疾人员: 'disabled',
  返乡人员: 'returnee', 返乡: 'returnee',
  居家观察: 'home_observation', 居家隔离观察: 'home_observation',
  隔离: 'isolation', 隔离人员: 'isolation', 集中隔离: 'isolation',
};
const GROUP_WORDS = '独居老人、残疾人、返乡人员、居家观察、隔离';
const parts = (text: string) => text.split(/[、，,；;/\s]+/).filter(Boolean);

const REGISTRATIONS: Record<string, Registration> = { 户籍: 'registered', 常住: 'registered', 流动: 'floating', 暂住: 'floating', 境外: 'floating' };

/**
 * Excel's damage to an ID number: stored as a number, it shows in scientific notation or loses
 * everything after the 15th significant digit (the last digits turn to 0).
 */
export function excelDamage(raw: string): string | null {
  if (/^\d(\.\d+)?E\+?\d+$/i.test(raw)) return `Excel 把身份证号存成了数字（显示为 ${raw}），后几位已丢失：请把这一列设为“文本”后重新填写`;
  if (/^\d{16}0{2}$/.test(raw) && !validateIdNumber(raw).ok) return `身份证号的最后几位变成了 0（${raw}），是 Excel 把它当作数字保存所致：请把这一列设为“文本”后重新填写`;
  return null;
}

interface Kept {
  version: string;
  matcher: BuildingMatcher;
  versionOf: () => string;
  known: Database.Statement<[string], { id: string; name: string; phone: string | null; relation: string; registration: string; building_id: string }>;
  tags: Database.Statement<[string], { tag: ResidentTagKind }>;
}

const kept = new WeakMap<object, Kept>();
/** Per connection: the statements, and the building matcher, built again once the buildings changed (here or on another connection). */
function keptFor(ctx: ServiceContext): Kept {
  let k = kept.get(ctx.sqlite);
  if (!k) {
    const dataVersion = ctx.sqlite.prepare('PRAGMA data_version').pluck();
    const newest = ctx.sqlite.prepare('SELECT max(hlc) FROM buildings').pluck();
    const versionOf = () => `${String(dataVersion.get())}:${String(newest.get())}`;
    k = {
      version: versionOf(),
      matcher: new BuildingMatcher(ctx.sqlite),
      versionOf,
      known: ctx.sqlite.prepare('SELECT id, name, phone, relation, registration, building_id FROM residents WHERE id_number = ? AND deleted = 0 LIMIT 1'),
      tags: ctx.sqlite.prepare('SELECT tag FROM resident_tags WHERE resident_id = ? AND deleted = 0'),
    };
    kept.set(ctx.sqlite, k);
  }
  const version = k.versionOf();
  if (version !== k.version) {
    k.version = version;
    k.matcher = new BuildingMatcher(ctx.sqlite);
  }
  return k;
}
const matcherOf = (ctx: ServiceContext) => keptFor(ctx).matcher;

/**
 * 人口信息采集表: one resident a row. Addresses are matched to buildings (exact, by ending, by
 * pinyin); an address matching none is a conflict — the review queue of the report. The ID
 * number is the resident's key: twice in the file is refused, one already known updates it.
 */
export const residentImporter: Importer<ResidentRow> = {
  kind: 'residents',
  title: '人口信息采集表',
  permission: 'territory.manage',
  domains: ['buildings', 'territory'],
  fields: [
    { key: 'address', label: '地址', required: true, aliases: ['住址', '现住址', '居住地址', '门牌地址', '房屋地址'], hint: '楼栋、单元、门牌，例如 幸福里小区1号楼2单元301' },
    { key: 'name', label: '姓名', required: true, aliases: ['居民姓名'] },
    { key: 'idNumber', label: '身份证号', required: true, unique: true, aliases: ['公民身份号码', '身份证号码', '证件号码', '身份证'] },
    { key: 'phone', label: '联系电话', required: false, aliases: ['电话', '手机', '手机号', '联系方式'] },
    { key: 'relation', label: '与户主关系', required: false, aliases: ['关系', '与户主的关系'] },
    { key: 'category', label: '人员类别', required: false, aliases: ['类别', '户籍类别', '人口类别'], hint: '户籍 / 流动 / 境外' },
    { key: 'groups', label: '特殊人群', required: false, aliases: ['重点人群', '特殊群体', '人群类别', '特殊人员'], hint: `${GROUP_WORDS}，多个用顿号分开` },
  ],
  check(_ctx, cells): RowCheck<ResidentRow> {
    const problems: { field: string | null; reason: string }[] = [];
    // exceljs's streaming reader can break a Chinese character at a chunk boundary (exceljs issue 2063): never write such text.
    for (const [field, text] of Object.entries(cells)) {
      if (text?.includes('\uFFFD')) problems.push({ field, reason: `「${text}」里有读坏的文字（�）：请重新导入这个文件，或把这一行另存后单独导入` });
    }
    const raw = (cells.idNumber ?? '').trim();
    const damage = excelDamage(raw);
    const id = damage ? null : validateIdNumber(raw);
    if (damage) problems.push({ field: 'idNumber', reason: damage });
    else if (id && !id.ok) problems.push({ field: 'idNumber', reason: id.reason });
    const phoneText = (cells.phone ?? '').trim();
    const phone = phoneText ? validatePhone(phoneText) : null;
    if (phone && !phone.ok) problems.push({ field: 'phone', reason: phone.reason });
    const relationText = (cells.relation ?? '').trim();
    const relation = relationText ? RELATIONS[relationText] : 'other';
    if (!relation) problems.push({ field: 'relation', reason: `与户主关系「${relationText}」不认识：应为 户主、配偶、子女、父母、孙子女、租户 或 其他` });
    const categoryText = (cells.category ?? '').trim();
    const groups = new Set<ResidentTagKind>();
    let registration: Registration | undefined = 'registered';
    let registrationSeen = false;
    for (const part of parts(categoryText)) {
      if (REGISTRATIONS[part] && !registrationSeen) {
        registration = REGISTRATIONS[part];
        registrationSeen = true;
      } else if (GROUPS[part]) groups.add(GROUPS[part]);
      else {
        registration = undefined;
        problems.push({ field: 'category', reason: `人员类别「${categoryText}」里的「${part}」不认识：应为 户籍、流动 或 境外，可再写特殊人群（${GROUP_WORDS}）` });
      }
    }
    for (const part of parts(cells.groups ?? '')) {
      if (GROUPS[part]) groups.add(GROUPS[part]);
      else if (!['无', '否', '/'].includes(part)) problems.push({ field: 'groups', reason: `特殊人群「${part}」不认识：应为 ${GROUP_WORDS}，多个用顿号分开` });
    }
    const address = normaliseAddress(cells.address ?? '');
    const { building, room } = splitAddress(address);
    if (!room) problems.push({ field: 'address', reason: `地址「${cells.address ?? ''}」缺少单元和门牌（例如 1号楼2单元301）` });
    if (problems.length > 0 || !id?.ok) return { ok: false, problems };
    return {
      ok: true,
      value: {
        address,
        building,
        room,
        name: (cells.name ?? '').trim(),
        idNumber: id.normalized,
        gender: id.gender === 'female' ? 'female' : 'male',
        birthYear: Number(id.birthDate.slice(0, 4)),
        phone: phone?.ok ? phone.normalized : null,
        relation: relation!,
        registration: registration!,
        groups: [...groups].sort(),
      },
    };
  },
  match(ctx, value): RowMatch {
    const found = matcherOf(ctx).match(value.building);
    if (!found) return { outcome: 'conflict', problems: [{ field: 'address', reason: `没有找到楼栋「${value.building}」：请在辖区中核对地址，或先导入这栋楼` }] };
    const known = keptFor(ctx).known.get(value.idNumber);
    if (!known) return { outcome: 'create' };
    if (known.name !== value.name) {
      return { outcome: 'conflict', problems: [{ field: 'name', reason: `身份证号已登记为「${known.name}」，与表中的「${value.name}」不同：请核对后合并` }] };
    }
    const tagged = new Set(keptFor(ctx).tags.all(known.id).map((t) => t.tag));
    const same =
      known.phone === value.phone &&
      known.relation === value.relation &&
      known.registration === value.registration &&
      known.building_id === found.id &&
      value.groups.every((g) => tagged.has(g));
    return { outcome: same ? 'unchanged' : 'update' };
  },
  write(ctx, value) {
    const building = matcherOf(ctx).match(value.building)!.id;
    const household =
      ctx.sqlite.prepare<[string, string], { id: string }>('SELECT id FROM households WHERE building_id = ? AND room = ? AND deleted = 0 LIMIT 1').get(building, value.room)?.id ??
      insertRow(ctx, households, { buildingId: building, room: value.room, registration: value.registration }).id;
    const known = keptFor(ctx).known.get(value.idNumber);
    const fields = { householdId: household, buildingId: building, phone: value.phone, relation: value.relation, registration: value.registration };
    const residentId = known
      ? (updateRow(ctx, residents, known.id, fields), known.id)
      : insertRow(ctx, residents, { ...fields, name: value.name, gender: value.gender, birthYear: value.birthYear, idNumber: value.idNumber }).id;
    // The register adds special groups; one it no longer names is left for a person to take off.
    const tagged = new Set(keptFor(ctx).tags.all(residentId).map((t) => t.tag));
    for (const tag of value.groups) if (!tagged.has(tag)) insertRow(ctx, residentTags, { residentId, buildingId: building, tag });
  },
};
