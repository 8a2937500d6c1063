import type { Message } from '../format';

/** Refusals of the volunteer registry (志愿者). */
export const volunteerErrors = {
  'volunteer.notFound': { 'zh-CN': '找不到这位志愿者，可能已被删除，请刷新名册后再试', en: 'This volunteer was not found (the record may have been removed); refresh the roster and try again' },
  'volunteer.badName': { 'zh-CN': '姓名不对：{reason}', en: 'The name is not valid: {reason}' },
  'volunteer.genderMismatch': { 'zh-CN': '性别与身份证号不一致（身份证号表示{gender}）', en: 'The gender does not match the ID number (which says {gender})' },
  'volunteer.badPhone': { 'zh-CN': '联系电话不对：{reason}', en: 'The phone number is not valid: {reason}' },
  'volunteer.badIdNumber': { 'zh-CN': '身份证号不对：{reason}', en: 'The ID number is not valid: {reason}' },
  'volunteer.badBirthDate': { 'zh-CN': '出生日期「{date}」不存在或晚于今天，请检查年月日', en: 'The birth date "{date}" does not exist or lies in the future; check year, month and day' },
  'volunteer.unitRequired': { 'zh-CN': '{kind}需要填写所在单位', en: 'A volunteer of the kind {kind} needs their work unit' },
  'volunteer.communityNotFound': { 'zh-CN': '找不到所选的社区，请刷新后重新选择', en: 'The chosen community was not found; refresh and choose again' },
  'volunteer.outsideCommunities': { 'zh-CN': '{name}只能管理自己网格所在社区的志愿者', en: '{name} may only manage volunteers of the communities of their own grids' },
  'volunteer.skillUnknown': { 'zh-CN': '特长「{skill}」不在特长列表里，请先由管理员添加', en: 'The specialty "{skill}" is not on the list; an administrator has to add it first' },
  'volunteer.duplicateId': { 'zh-CN': '身份证号已登记给志愿者「{name}」，请打开那条记录修改', en: 'This ID number is already registered to the volunteer {name}; open that record instead' },
  'volunteer.sameStatus': { 'zh-CN': '这位志愿者已经是「{status}」状态', en: 'This volunteer already has the status {status}' },
  'volunteer.specialtyNotFound': { 'zh-CN': '找不到这个特长，可能已被删除，请刷新后再试', en: 'This specialty was not found (it may have been removed); refresh and try again' },
  'volunteer.specialtyExists': { 'zh-CN': '特长「{name}」已经在列表里', en: 'The specialty "{name}" is already on the list' },
  'volunteer.specialtyInUse': { 'zh-CN': '还有 {count} 位志愿者填写了特长「{name}」，不能删除', en: '{count} volunteers still list the specialty "{name}"; it cannot be removed' },
  'volunteer.mergeSelf': { 'zh-CN': '不能把一个人与自己合并：请选择另一条记录', en: 'A person cannot be merged with themselves; choose the other record' },
  'volunteer.mergeNotFound': { 'zh-CN': '要合并的记录「{which}」找不到了，可能已被合并或删除，请刷新后再试', en: 'The record to merge ({which}) was not found; it may have been merged or removed already — refresh and try again' },
  'volunteer.mergeDifferentIds': { 'zh-CN': '两条记录的身份证号不同，不是同一个人，不能合并', en: 'The two records have different ID numbers: they are not the same person and cannot be merged' },
  'volunteer.mergePendingImport': { 'zh-CN': '「{name}」被尚未应用的导入「{file}」第 {row} 行引用：请先应用或放弃这次导入，再合并', en: '{name} is referenced by row {row} of the import "{file}", which is not applied yet; apply or discard that import first, then merge' },
  'volunteer.mergeNoField': { 'zh-CN': '「{field}」只有保留的记录才有，不能取另一条的值', en: 'Only the kept record has the field {field}; it cannot come from the other one' },
} as const satisfies Record<string, Message>;
