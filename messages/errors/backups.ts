import type { Message } from '../format';

/** Backups, restoring one, and the checks when the data directory opens. */
export const backupErrors = {
  'backup.notFound': { 'zh-CN': '没有备份 {name}', en: 'There is no backup {name}' },
  'backup.unusable': {
    'zh-CN': '备份 {name} 无法使用：{problem}。当前数据未改动',
    en: 'The backup {name} cannot be used: {problem}. The current data was not changed',
  },
  'backup.notOnDisk': { 'zh-CN': '只能备份磁盘上的数据库文件', en: 'Only a database file on disk can be backed up' },
  'backup.closed': { 'zh-CN': '数据库连接已关闭，无法备份', en: 'The database connection is closed; no backup can be made' },
  'backup.inTransaction': { 'zh-CN': '数据库正在执行事务，请稍后再备份', en: 'The database is in the middle of a transaction; back up a little later' },
  'backup.keyNeeded': {
    'zh-CN': '数据库已加密：备份需要数据库密钥（用于校验备份能否解密）',
    en: 'The database is encrypted: a backup needs the database key (to check that the backup can be decrypted)',
  },
  'backup.keyUnexpected': {
    'zh-CN': '数据库没有加密，却给了密钥：不会创建与数据库加密方式不同的备份',
    en: 'The database is not encrypted, yet a key was given: no backup is made that is encrypted differently from the database',
  },
  'backup.notEncrypted': {
    'zh-CN': '备份没有加密（SQLite 加密组件行为异常），已丢弃，未保存任何备份',
    en: 'The backup came out unencrypted (the SQLite encryption component misbehaved); it was discarded and no backup was saved',
  },
  'backup.checkFailed': { 'zh-CN': '备份写完后校验未通过，已丢弃：{problem}', en: 'The written backup failed its check and was discarded: {problem}' },
  'backup.sourceDamaged': {
    'zh-CN': '数据库文件已损坏（完整性检查未通过：{problems}），不能用它做备份；已有的完好备份保持不变。请从最新的完好备份恢复',
    en: 'The database file is damaged (integrity check failed: {problems}); no backup is made from it and the intact backups are kept. Restore the latest intact backup',
  },
  'backup.failed': { 'zh-CN': '备份失败：{error}', en: 'The backup failed: {error}' },
  'restore.ontoItself': { 'zh-CN': '不能用数据库文件本身作为备份来恢复', en: 'The database file itself cannot be restored as a backup' },
  'restore.badBackup': { 'zh-CN': '不能恢复：{problem}。数据库未做任何改动', en: 'Cannot restore: {problem}. The database was not changed' },
  'restore.newerVersion': {
    'zh-CN': '不能恢复：该备份由更新版本的 GridDesk 写入（数据库版本 {version}，本程序支持到 {supported}）。请先升级 GridDesk。数据库未做任何改动',
    en: 'Cannot restore: the backup was written by a newer GridDesk (database version {version}; this one supports up to {supported}). Upgrade GridDesk first. The database was not changed',
  },
  'restore.copyCheckFailed': {
    'zh-CN': '不能恢复：复制后的备份校验未通过（{problem}）。数据库未做任何改动',
    en: 'Cannot restore: the copied backup failed its check ({problem}). The database was not changed',
  },
  'restore.stranded': {
    'zh-CN': '恢复失败（{error}），且无法把原数据库放回：它在 {setAsideAs}，请手动移回 {target}',
    en: 'Restoring failed ({error}) and the original database could not be put back: it is at {setAsideAs}; move it back to {target} by hand',
  },
  'restore.failedPutBack': { 'zh-CN': '恢复失败：{error}。原数据库已放回原处', en: 'Restoring failed: {error}. The original database was put back' },
  'restore.failedUnchanged': { 'zh-CN': '恢复失败：{error}。原数据库未做任何改动', en: 'Restoring failed: {error}. The original database was not changed' },
  'restore.adminOnly': {
    'zh-CN': '「{username}」不是管理员：只有管理员（或恢复码）可以恢复备份',
    en: '"{username}" is not an administrator: only an administrator (or the recovery code) can restore a backup',
  },
  'dataDir.inUse': { 'zh-CN': '另一个 GridDesk 正在使用数据目录 {dataDir}，请先关闭它', en: 'Another GridDesk is using the data directory {dataDir}; close it first' },
  'startup.missing': { 'zh-CN': '数据库文件不见了。没有可用的完好备份。', en: 'The database file is gone. There is no intact backup.' },
  'startup.missingWithBackup': {
    'zh-CN': '数据库文件不见了。最新的完好备份是 {name}；管理员可运行 griddesk backup restore --data-dir "{dataDir}" 恢复。',
    en: 'The database file is gone. The latest intact backup is {name}; an administrator can restore it with griddesk backup restore --data-dir "{dataDir}".',
  },
  'startup.unreadable': { 'zh-CN': '数据库无法读取（{problems}），未做任何改动。', en: 'The database cannot be read ({problems}); nothing was changed.' },
  'startup.unreadableWithBackup': {
    'zh-CN': '数据库文件开头（第 1 页）已损坏，无法打开（{problems}），文件未做任何改动。最新的完好备份是 {name}；管理员可运行 griddesk backup restore --data-dir "{dataDir}" 恢复。',
    en: 'The start of the database file (page 1) is damaged and it cannot be opened ({problems}); nothing was changed. The latest intact backup is {name}; an administrator can restore it with griddesk backup restore --data-dir "{dataDir}".',
  },
  'startup.damaged': {
    'zh-CN': '上次未正常退出，数据库检查发现损坏，已移到 {setAsideAs}（未删除）。没有可用的完好备份。',
    en: 'GridDesk did not close properly last time and the database check found damage; the file was moved to {setAsideAs} (not deleted). There is no intact backup.',
  },
  'startup.damagedWithBackup': {
    'zh-CN': '上次未正常退出，数据库检查发现损坏，已移到 {setAsideAs}（未删除）。最新的完好备份是 {name}；管理员可运行 griddesk backup restore --data-dir "{dataDir}" 恢复。',
    en: 'GridDesk did not close properly last time and the database check found damage; the file was moved to {setAsideAs} (not deleted). The latest intact backup is {name}; an administrator can restore it with griddesk backup restore --data-dir "{dataDir}".',
  },
} as const satisfies Record<string, Message>;
