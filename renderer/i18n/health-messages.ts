/** The banner shown to administrators when the database fails its integrity check. Spread into `zh-CN.ts` / `en.ts`. */
export const healthZhCN = {
  'health.damaged.title': '数据库文件已损坏',
  'health.damaged.withBackup': '完整性检查发现损坏（{problem}）。部分数据可能读不出，也不能再做备份。最新的完好备份是 {name}（{time}），请从它恢复。',
  'health.damaged.noBackup': '完整性检查发现损坏（{problem}）。部分数据可能读不出，也不能再做备份，而且没有完好的备份可以恢复。请联系技术支持。',
  'health.damaged.restore': '从备份恢复…',
};

export const healthEn: Record<keyof typeof healthZhCN, string> = {
  'health.damaged.title': 'The database file is damaged',
  'health.damaged.withBackup':
    'The integrity check found damage ({problem}). Some data may not be readable and no more backups can be made. The latest intact backup is {name} ({time}); restore it.',
  'health.damaged.noBackup':
    'The integrity check found damage ({problem}). Some data may not be readable, no more backups can be made, and there is no intact backup to restore. Contact technical support.',
  'health.damaged.restore': 'Restore from a backup…',
};
