import type { AuditVerification } from '../api/audit';

const time = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

/** The lines `griddesk audit verify` prints before its verdict: the anchors checked and the restores the chain records. */
export function describeVerification(result: AuditVerification): string[] {
  const lines: string[] = [];
  const anchors = result.anchors;
  if (anchors) {
    const latest = anchors.latest ? `，最新为第 ${anchors.latest.seq} 个（${time(anchors.latest.at)}，${anchors.latest.actorName}，确认到第 ${anchors.latest.auditSeq} 条）` : '';
    lines.push(`已核对 ${anchors.checked} 个签名锚点${latest}${anchors.keyConfirmed ? '' : '；公钥仅取自 keyring.json，未经签名密钥确认'}`);
    if (anchors.replaced.length) lines.push(`第 ${anchors.replaced.join('、')} 个锚点属于恢复备份时被替换的链，不与现在的链比较`);
    for (const warning of anchors.warnings) lines.push(`注意：${warning}`);
  }
  for (const r of result.restores) {
    const skipped = r.skipped ? `，被替换的链用过的第 ${r.skipped[0]}–${r.skipped[1]} 条序号不再使用` : '';
    lines.push(`第 ${r.seq} 条：${time(r.at)} ${r.actorName} 从备份 ${r.backup ?? '（未知）'} 恢复${skipped}；原数据库保存在 ${r.setAsideAs ?? '（无）'}`);
  }
  return lines;
}
