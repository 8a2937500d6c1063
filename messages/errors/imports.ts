import type { Message } from '../format';

/** Importing spreadsheets: the file, its sheet and header, the column mapping, the staged run; jobs. */
export const importErrors = {
  'import.kindUnknown': { 'zh-CN': '不支持导入「{kind}」', en: 'Importing "{kind}" is not supported' },
  'import.needsMapping': { 'zh-CN': '还有必填字段没有对应的列，请先完成列的对应', en: 'Some required fields have no column yet: finish the column mapping first' },
  'import.changedSincePreview': {
    'zh-CN': '第 {row} 行在预览之后数据已有变化（预览为「{was}」，{now}），没有写入任何数据。预览已更新，请查看后再应用',
    en: 'Row {row} changed after the preview (the preview said "{was}", {now}); nothing was written. The preview is updated: check it, then apply',
  },
  'import.sheetEmpty': { 'zh-CN': '{where}是空的：没有任何内容', en: '{where} is empty' },
  'import.noHeader': {
    'zh-CN': '{where}第 {row} 行应为表头（列名），但其中有数字或日期：请在第一行写上列名（如 代码、名称、颜色、等级）',
    en: 'Row {row} of {where} should be the header (column names) but holds numbers or dates: put the column names in the first row',
  },
  'import.headerTwice': {
    'zh-CN': '{where}的表头「{header}」出现了两次（第 {first} 列和第 {second} 列），请把其中一列改名或删除后再导入',
    en: 'The header "{header}" appears twice in {where} (columns {first} and {second}): rename or remove one, then import again',
  },
  'import.headerOnly': { 'zh-CN': '{where}只有表头（第 {row} 行），没有数据行', en: '{where} has only a header (row {row}) and no data rows' },
  'import.fieldUnknown': { 'zh-CN': '没有名为「{key}」的字段', en: 'There is no field "{key}"' },
  'import.columnMissing': { 'zh-CN': '「{field}」对应的列不存在（表格共 {count} 列）', en: 'The column chosen for "{field}" does not exist (the sheet has {count} columns)' },
  'import.columnTwice': {
    'zh-CN': '「{first}」和「{second}」都对应了第 {column} 列「{header}」，一列只能对应一个字段',
    en: '"{first}" and "{second}" both use column {column} ("{header}"): a column can feed one field only',
  },
  'import.encodingUnknown': {
    'zh-CN': '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030），请在 Excel 中另存为「CSV UTF-8」后再导入',
    en: 'The text encoding of the file is neither UTF-8 nor GBK/GB18030: save it from Excel as "CSV UTF-8" and import again',
  },
  'import.fileEmpty': { 'zh-CN': '文件「{file}」是空的（0 字节）', en: 'The file "{file}" is empty (0 bytes)' },
  'import.oldExcel': {
    'zh-CN': '「{file}」是旧版 Excel（.xls）文件，请在 Excel 中「另存为」.xlsx 后再导入',
    en: '"{file}" is an old Excel (.xls) file: save it as .xlsx in Excel and import again',
  },
  'import.xlsxEncrypted': {
    'zh-CN': '「{file}」设置了打开密码，无法读取：请在 Excel 中打开，于「文件 → 信息 → 保护工作簿 → 用密码进行加密」中删除密码并保存后再导入',
    en: '"{file}" is protected by a password and cannot be read: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password), save and import again',
  },
  'import.notSpreadsheet': { 'zh-CN': '「{file}」不是表格文件，请上传 .xlsx 或 .csv 文件', en: '"{file}" is not a spreadsheet: upload an .xlsx or .csv file' },
  'import.csvOneSheet': { 'zh-CN': 'CSV 文件只有一张表，不能选择工作表', en: 'A CSV file has one sheet only; no sheet can be chosen' },
  'import.xlsxBroken': {
    'zh-CN': '「{file}」不是有效的 Excel（.xlsx）文件，或文件已损坏：请在 Excel 中打开并重新保存后再导入',
    en: '"{file}" is not a valid Excel (.xlsx) file or is damaged: open it in Excel, save it again, then import',
  },
  'import.xlsxTooLarge': {
    'zh-CN': '「{file}」有 {size} MB，超过导入表格的上限 {limit} MB：请把表格拆分成几个文件后分别导入',
    en: '"{file}" is {size} MB, over the {limit} MB limit for an imported sheet: split it into several files and import each',
  },
  'import.xlsxUnpackedTooLarge': {
    'zh-CN': '「{file}」的工作表内容解压后有 {size} MB，超过上限 {limit} MB（表格里可能有大量文字或空白格式）：请只保留需要导入的工作表和列，或拆分成几个文件后分别导入',
    en: 'The sheets of "{file}" unpack to {size} MB, over the {limit} MB limit (much text or blank formatting): keep only the sheet and columns to import, or split it into several files',
  },
  'import.xlsxNoSheets': { 'zh-CN': '「{file}」不是有效的 Excel（.xlsx）文件：里面没有工作表', en: '"{file}" is not a valid Excel (.xlsx) file: it has no sheets' },
  'import.sheetUnknown': { 'zh-CN': '没有名为「{sheet}」的工作表，这个文件的工作表有：{sheets}', en: 'There is no sheet "{sheet}"; the sheets of this file are: {sheets}' },
  'import.runUnknown': { 'zh-CN': '没有这次导入（可能已被放弃），请重新选择文件', en: 'This import does not exist (it may have been discarded): choose the file again' },
  'import.alreadyApplied': {
    'zh-CN': '这次导入已于 {at} 由 {by} 应用，不能再次应用或修改',
    en: 'This import was applied on {at} by {by}; it cannot be applied or changed again',
  },
  'import.discarded': { 'zh-CN': '这次导入已放弃，请重新选择文件', en: 'This import was discarded: choose the file again' },
  'job.kindUnknown': { 'zh-CN': '没有「{kind}」这种任务', en: 'There is no kind of job "{kind}"' },
} as const satisfies Record<string, Message>;
