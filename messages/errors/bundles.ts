import type { Message } from '../format';

/** 数据包: bundles exchanged with the city and other offices (docs/bundle-format.md). */
export const bundleErrors = {
  'bundle.empty': { 'zh-CN': '数据包文件是空的（0 字节），没有导入任何数据', en: 'The bundle file is empty (0 bytes); nothing was imported' },
  'bundle.tooLarge': {
    'zh-CN': '数据包文件有 {size} 字节，超过上限 {max} 字节，不是 GridDesk 数据包；没有导入任何数据',
    en: 'The bundle file is {size} bytes, over the limit of {max} bytes; it is not a GridDesk bundle and nothing was imported',
  },
  'bundle.notABundle': {
    'zh-CN': '这个文件不是 GridDesk 数据包（{reason}），可能被截断或损坏；没有导入任何数据',
    en: 'This file is not a GridDesk bundle ({reason}); it may be truncated or damaged. Nothing was imported',
  },
  'bundle.badSignature': {
    'zh-CN': '数据包的签名不符：文件在签名后被改动过或已损坏（签名密钥 {keyId}）；没有导入任何数据',
    en: 'The bundle signature does not match: the file was changed after signing or is damaged (key {keyId}). Nothing was imported',
  },
  'bundle.untrustedSigner': {
    'zh-CN': '数据包由密钥 {keyId} 签名，它不在信任列表中（或已被吊销）；请先核对并添加对方的密钥卡。没有导入任何数据',
    en: 'The bundle is signed by key {keyId}, which is not on the trust list (or was revoked); check and add the sender’s key card first. Nothing was imported',
  },
  'bundle.signerMismatch': {
    'zh-CN': '数据包的签名者（{signer}）与清单中的发送方（{sender}）不一致；没有导入任何数据',
    en: 'The bundle’s signer ({signer}) is not the sender its manifest names ({sender}); nothing was imported',
  },
  'bundle.notForUs': {
    'zh-CN': '这个数据包不是发给本街道办的，无法解密（加密给：{recipients}）；没有导入任何数据',
    en: 'This bundle was not encrypted for this office and cannot be decrypted (encrypted for: {recipients}); nothing was imported',
  },
  'bundle.decryptFailed': {
    'zh-CN': '数据包解密失败：内容被改动或不完整（{reason}）；没有导入任何数据',
    en: 'The bundle could not be decrypted: its content was changed or is incomplete ({reason}). Nothing was imported',
  },
  'bundle.tooLargeExpanded': {
    'zh-CN': '数据包解压后超过上限 {max} 字节（疑似压缩炸弹），已停止读取；没有导入任何数据',
    en: 'The bundle expands past the limit of {max} bytes (a decompression bomb?); reading stopped and nothing was imported',
  },
  'bundle.badManifest': {
    'zh-CN': '数据包清单 manifest.json 有误：{reason}；没有导入任何数据',
    en: 'The bundle manifest manifest.json is wrong: {reason}. Nothing was imported',
  },
  'bundle.newerVersion': {
    'zh-CN': '数据包格式版本 {version} 比本程序支持的 {supported} 新，请先升级 GridDesk；没有导入任何数据',
    en: 'The bundle is format version {version}, newer than the {supported} this program reads; upgrade GridDesk first. Nothing was imported',
  },
  'bundle.tableMismatch': {
    'zh-CN': '数据包中表 {table} 的{what}与清单不符（清单 {expected}，实际 {actual}）；没有导入任何数据',
    en: 'In the bundle, table {table}’s {what} disagrees with the manifest (manifest {expected}, found {actual}); nothing was imported',
  },
  'bundle.invalidRows': {
    'zh-CN': '数据包中有 {count} 行不合格，例如表 {table} 第 {line} 行：{reason}；没有导入任何数据',
    en: '{count} rows of the bundle are invalid, e.g. table {table} line {line}: {reason}. Nothing was imported',
  },
  'bundle.replay': {
    'zh-CN': '来自 {sender} 的第 {sequence} 号数据包不比已收到的第 {last} 号新（重放？）；如确需重新导入，请明确选择「再次导入」',
    en: 'Bundle number {sequence} from {sender} is not newer than number {last} already received (a replay?); to import it again, choose “import again” explicitly',
  },
  'bundle.badAnchor': {
    'zh-CN': '{sender} 数据包中的审计锚点（第 {seq} 号）签名不符或内容被改动；没有导入任何数据',
    en: 'The audit anchor (number {seq}) in the bundle from {sender} has a bad signature or was changed; nothing was imported',
  },
  'bundle.anchorForked': {
    'zh-CN': '{sender} 数据包中的第 {seq} 号审计锚点与此前收到的同号锚点不一致（对方的审计链可能被改写）；没有导入任何数据',
    en: 'Audit anchor number {seq} in the bundle from {sender} differs from the one of the same number received before (its audit chain may have been rewritten); nothing was imported',
  },
  'bundle.noIdentity': {
    'zh-CN': '本机还没有街道办密钥：请由管理员或数据专员登录后再操作数据包',
    en: 'This installation holds no office key yet: an administrator or data officer must sign in before bundles can be used',
  },
  'bundle.badKeyCard': { 'zh-CN': '密钥卡有误：{reason}', en: 'The key card is wrong: {reason}' },
  'bundle.partnerExists': {
    'zh-CN': '密钥 {keyId} 已在信任列表中（{name}）',
    en: 'Key {keyId} is already on the trust list ({name})',
  },
  'bundle.ownKey': { 'zh-CN': '这是本街道办自己的密钥卡，不能加入信任列表', en: 'This is this office’s own key card; it cannot join the trust list' },
  'bundle.partnerNotFound': { 'zh-CN': '信任列表中没有 {id}', en: 'There is no {id} on the trust list' },
  'bundle.noRecipients': { 'zh-CN': '请至少选择一个接收方', en: 'Choose at least one recipient' },
  'bundle.badSince': { 'zh-CN': '起始日期（since）须为 YYYY-MM-DD 格式的日期，收到「{value}」', en: 'The start date (since) must be a date as YYYY-MM-DD; got “{value}”' },
  'bundle.areaEmpty': { 'zh-CN': '范围（communityIds / gridIds）至少要选一个社区或网格', en: 'The area (communityIds / gridIds) needs at least one community or grid' },
  'bundle.areaNotFound': { 'zh-CN': '范围（{field}）中的 {id} 不存在或已删除', en: 'The area ({field}) names {id}, which does not exist or was deleted' },
  'bundle.conflictNotFound': { 'zh-CN': '没有待处理的冲突 {id}', en: 'There is no open conflict {id}' },
} as const satisfies Record<string, Message>;
