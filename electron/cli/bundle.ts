import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { authorize } from '../../db/auth/permissions';
import { readBundleFile } from '../../db/bundles/container';
import { openConflicts } from '../../db/bundles/conflicts';
import { exportBundle, importBundle, previewBundle, type BundlePreview } from '../../db/bundles/exchange';
import { fingerprint, keyCardText } from '../../db/bundles/key-card';
import { requireIdentity, selfParty } from '../../db/bundles/office';
import { addPartner, listPartners, revokePartner, trustedPartners } from '../../db/bundles/trust-list';
import { defaultDataDir } from '../data-dir';
import { describeScope, parseCliScope } from './bundle-scope';
import { unlockForCli } from './unlock';

export const BUNDLE_USAGE = `  bundle keys card [--qr]           本街道办的密钥卡（文本；--qr 同时在终端显示二维码），含口头核对用的指纹
  bundle keys list                  信任列表
  bundle keys trust 密钥卡.txt       把对方的密钥卡加入信任列表（请先电话核对指纹）
  bundle keys revoke 机构代码|密钥ID  吊销
  bundle export --to 机构代码|密钥ID[,…] [--scope 范围] --out 文件   导出加密签名的数据包
         范围以逗号分隔：all | since-last（默认）| since=YYYY-MM-DD，可再加 community=社区代码、grid=网格代码（可重复）、
         kinds=类别+类别（territory 辖区、buildings 楼栋、residents 居民、people 人员、screening 摸排、staffing 排班、volunteers 志愿者、requests 诉求）
  bundle inspect 文件                核对签名、解密、校验清单，显示将新增/更新/无变化/冲突的行数（不写入）
  bundle import 文件 [--dry-run] [--allow-replay]   导入；--dry-run 只显示预览
         均可加 --data-dir DIR  --user 用户名（默认 shuju，需管理员或数据专员）；密码从 GRIDDESK_PASSWORD 或标准输入读取
         退出码：0 成功；1 出错（数据包被拒绝时什么也没写）；2 导入后有待处理的冲突`;

function describePreview(p: BundlePreview): string[] {
  const m = p.manifest;
  const lines = [
    `发送方：${m.sender.officeName}（${m.sender.officeCode}），签名密钥 ${m.sender.keyId}，签名已核对${p.fromSelf ? '（本街道办自己发出的包）' : `，信任列表中的「${p.signer.name}」`}`,
    `接收方：${m.recipients.map((r) => `${r.name}（${r.officeCode}）`).join('、')}`,
    `第 ${m.sequence} 号，生成于 ${m.createdAt}，范围：${describeScope(m.scope)}`,
    `表：${Object.entries(m.tables).map(([t, v]) => `${t} ${v.rows} 行`).join('，') || '（无）'}`,
    `预览：新增 ${p.totals.create}，更新 ${p.totals.update}，无变化 ${p.totals.unchanged}，冲突 ${p.totals.conflict}，不合格 ${p.rejected.length}`,
  ];
  if (p.replayOf !== null) lines.push(`注意：已收到过该发送方第 ${p.replayOf} 号包，这个包不比它新（重放？）；确需再次导入请加 --allow-replay`);
  for (const r of p.rejected.slice(0, 20)) lines.push(`不合格：表 ${r.table} 第 ${r.line} 行：${r.reason}`);
  if (p.unknownTables.length > 0) lines.push(`本版本没有的表（跳过）：${p.unknownTables.join('、')}`);
  return lines;
}

function findPartner(all: ReturnType<typeof listPartners>, ref: string) {
  const found = all.filter((p) => p.officeCode === ref || p.keyId === ref.toUpperCase() || p.id === ref);
  if (found.length !== 1) throw new Error(found.length === 0 ? `信任列表中没有「${ref}」` : `「${ref}」对应多个伙伴，请用密钥 ID`);
  return found[0]!;
}

export async function bundleCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string', default: 'shuju' },
      to: { type: 'string' },
      scope: { type: 'string', default: 'since-last' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'allow-replay': { type: 'boolean', default: false },
      qr: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const [sub, ...rest] = positionals;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (!sub || !['keys', 'export', 'inspect', 'import'].includes(sub)) throw new Error(`未知的 bundle 子命令「${sub ?? ''}」，可用：keys / export / inspect / import`);
  const { vault, actor } = unlockForCli(dataDir, values.user);
  try {
    const host = vault.requireOpen();
    const ctx = host.context(actor);
    authorize(actor, sub === 'import' ? 'bundles.import' : 'bundles.export');
    const identity = requireIdentity(dataDir);
    const party = { sqlite: ctx.sqlite, identity, nodeId: ctx.nodeId, actor, clock: ctx.clock, dataDir: ctx.dataDir };
    if (sub === 'keys') {
      const [action, arg] = rest;
      if (action === 'card') {
        const card = keyCardText(selfParty(ctx.sqlite, ctx.nodeId, identity));
        console.log(card);
        if (values.qr) console.log(await QRCode.toString(card, { type: 'terminal', small: true }));
      } else if (action === 'list') {
        for (const p of listPartners(ctx.sqlite)) {
          console.log(`${p.name}（${p.officeCode}）密钥 ${p.keyId} 指纹 ${p.fingerprint}${p.revokedAt ? ` 已于 ${new Date(p.revokedAt).toISOString()} 吊销` : ''}`);
        }
      } else if (action === 'trust' && arg) {
        const p = addPartner(ctx.sqlite, actor, readFileSync(arg, 'utf8'), identity.keyId);
        console.log(`已加入信任列表：${p.name}（${p.officeCode}），指纹 ${fingerprint(p)}`);
      } else if (action === 'revoke' && arg) {
        const p = revokePartner(ctx.sqlite, actor, findPartner(listPartners(ctx.sqlite), arg).id);
        console.log(`已吊销：${p.name}（${p.officeCode}）`);
      } else throw new Error('用法：bundle keys card | list | trust 密钥卡.txt | revoke 机构代码');
      return 0;
    }
    if (sub === 'export') {
      if (!values.to || !values.out) throw new Error('请给出 --to 接收方 与 --out 文件');
      const scope = parseCliScope(ctx.sqlite, values.scope);
      const trusted = trustedPartners(ctx.sqlite);
      const partnerIds = values.to.split(',').map((ref) => findPartner(trusted, ref.trim()).id);
      const built = await exportBundle(party, { partnerIds, ...scope });
      writeFileSync(values.out, built.bytes);
      console.log(`已导出 ${values.out}（建议文件名 ${built.fileName}）：第 ${built.manifest.sequence} 号，${built.rows} 行，${built.bytes.length} 字节`);
      return 0;
    }
    const [file] = rest;
    if (!file) throw new Error(`请给出数据包文件，如：griddesk bundle ${sub} 包.gdbundle`);
    const bytes = await readBundleFile(file);
    if (sub === 'inspect' || values['dry-run']) {
      for (const line of describePreview(await previewBundle(party, bytes))) console.log(line);
      console.log('这是预览，没有写入任何数据');
      return 0;
    }
    const done = await importBundle(party, bytes, { allowReplay: values['allow-replay'], fileName: basename(file) });
    for (const line of describePreview(done)) console.log(line);
    const waiting = openConflicts(ctx.sqlite).length;
    console.log(`已导入。待处理的冲突：${waiting} 条（在「数据交换」页处理）`);
    return waiting > 0 ? 2 : 0;
  } finally {
    vault.close();
  }
}
