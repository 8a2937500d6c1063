import type { BackupEntry } from '../../../electron/api';
import type { MessageKey } from '../../i18n';

/** Why a backup was made, in Chinese (English). */
export const REASON_LABEL: Record<BackupEntry['reason'], MessageKey> = {
  auto: 'backups.reason.auto',
  manual: 'backups.reason.manual',
  'pre-restore': 'backups.reason.pre-restore',
  'pre-migrate': 'backups.reason.pre-migrate',
};

export const REASON_COLOR: Record<BackupEntry['reason'], string> = {
  auto: 'default',
  manual: 'blue',
  'pre-restore': 'orange',
  'pre-migrate': 'purple',
};

const MEGABYTES = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1.23: bytes as megabytes, two decimals, the zh-CN way. */
export function formatMegabytes(bytes: number): string {
  return MEGABYTES.format(bytes / (1024 * 1024));
}
