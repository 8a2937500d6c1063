/** Long operations run as jobs: the progress tray and the finished notices. Spread into `zh-CN.ts` / `en.ts`. */
export const jobsZhCN = {
  'jobs.cancel': '取消',
  'jobs.queued': '排队中，等前一个写入任务结束',
  'jobs.phase': '{phase}：{done} / {total}',
  'jobs.done': '{label}：已完成',
  'jobs.download': '保存文件',
  'jobs.cancelled': '{label}：已取消',
  'jobs.cancelledNote': '已撤销，未写入任何数据',
  'jobs.failed': '{label}：失败',
  'jobs.started': '已开始：{label}。可在右下角查看进度或取消',
  'jobs.kind.buildings.export': '导出楼栋 Excel',
  'jobs.kind.screening.start': '发起入户摸排',
  'jobs.kind.backups.create': '立即备份',
  'jobs.kind.backups.restore': '从备份恢复',
  'jobs.kind.seed': '生成演示数据',
};

export const jobsEn: Record<keyof typeof jobsZhCN, string> = {
  'jobs.cancel': 'Cancel',
  'jobs.queued': 'Queued behind the running write',
  'jobs.phase': '{phase}: {done} / {total}',
  'jobs.done': '{label}: done',
  'jobs.download': 'Save file',
  'jobs.cancelled': '{label}: cancelled',
  'jobs.cancelledNote': 'Rolled back; nothing was written',
  'jobs.failed': '{label}: failed',
  'jobs.started': 'Started: {label}. Progress and cancel are at the bottom right',
  'jobs.kind.buildings.export': 'Export buildings to Excel',
  'jobs.kind.screening.start': 'Start a screening round',
  'jobs.kind.backups.create': 'Back up now',
  'jobs.kind.backups.restore': 'Restore from backup',
  'jobs.kind.seed': 'Generate demo data',
};
