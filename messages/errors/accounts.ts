import type { Message } from '../format';

/** Sign-in, passwords, accounts and the key file. */
export const accountErrors = {
  'account.usernameFormat': {
    'zh-CN': '用户名须以小写字母开头，3–32 位，只含小写字母、数字和 _ . -',
    en: 'A user name starts with a lowercase letter and has 3–32 characters: lowercase letters, digits and _ . -',
  },
  'account.usernameTaken': { 'zh-CN': '用户名「{username}」已被使用', en: 'The user name "{username}" is already taken' },
  'account.gridsRequired': { 'zh-CN': '网格员账号须至少指定一个负责的网格', en: 'A grid worker account needs at least one grid' },
  'account.notFound': { 'zh-CN': '找不到该账号', en: 'Account not found' },
  'account.noSuchUser': { 'zh-CN': '没有账号「{username}」', en: 'There is no account "{username}"' },
  'account.keepSelf': {
    'zh-CN': '不能停用自己的账号或取消自己的管理员角色',
    en: 'You cannot disable your own account or take away your own administrator role',
  },
  'account.lastAdmin': { 'zh-CN': '至少要保留一个启用的管理员账号', en: 'At least one enabled administrator account must remain' },
  'account.unknownGrids': { 'zh-CN': '有指定的网格不存在', en: 'Some of the chosen grids do not exist' },
  'account.lockedOut': {
    'zh-CN': '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong passwords: the account is locked; try again in {minutes} minutes',
  },
  'account.disabled': { 'zh-CN': '账号「{username}」已停用，请联系管理员', en: 'The account "{username}" is disabled; please contact an administrator' },
  'login.wrong': {
    'zh-CN': '用户名或密码不对（再错 {remaining} 次将锁定 15 分钟）',
    en: 'Wrong user name or password ({remaining} more wrong tries lock the account for 15 minutes)',
  },
  'login.wrongLocked': { 'zh-CN': '用户名或密码不对，账号已锁定 15 分钟', en: 'Wrong user name or password; the account is locked for 15 minutes' },
  'login.wrongPlain': { 'zh-CN': '用户名或密码不对', en: 'Wrong user name or password' },
  'unlock.wrong': { 'zh-CN': '密码不对（再错 {remaining} 次将锁定账号）', en: 'Wrong password ({remaining} more wrong tries lock the account)' },
  'unlock.tooMany': { 'zh-CN': '密码错误次数过多，已退出登录', en: 'Too many wrong passwords: you have been signed out' },
  'password.tooShort': { 'zh-CN': '密码至少 8 位', en: 'A password needs at least 8 characters' },
  'password.tooLong': { 'zh-CN': '密码不能超过 256 位', en: 'A password may have at most 256 characters' },
  'password.tooSimple': { 'zh-CN': '密码须包含字母、数字、符号中的至少两类', en: 'A password needs at least two of: letters, digits, symbols' },
  'setup.done': { 'zh-CN': '已经设置过管理员，不能再次初始化', en: 'An administrator has already been set up; setup cannot run again' },
  'setup.required': { 'zh-CN': '尚未设置管理员：请先完成首次设置', en: 'There is no administrator yet: complete the first-run setup first' },
  'recovery.wrongCode': { 'zh-CN': '恢复码不对', en: 'The recovery code is wrong' },
  'recovery.adminOnly': { 'zh-CN': '恢复码只能重设管理员账号的密码', en: "The recovery code can only reset an administrator's password" },
  'keyring.corrupt': {
    'zh-CN': '密钥文件 {file} 已损坏，无法读取。请从备份恢复该文件，或用恢复码重新设置',
    en: 'The key file {file} is damaged and cannot be read. Restore it from a backup, or set up again with the recovery code',
  },
  'keyring.foreign': { 'zh-CN': '{file} 不是本版本 GridDesk 的密钥文件', en: '{file} is not a key file of this GridDesk version' },
  'keyring.missing': {
    'zh-CN': '数据目录 {dataDir} 有数据库文件但缺少密钥文件 keyring.json，无法解密。请从备份恢复 keyring.json',
    en: 'The data directory {dataDir} has a database file but no key file keyring.json, so it cannot be decrypted. Restore keyring.json from a backup',
  },
  'keyring.absent': {
    'zh-CN': '数据目录 {dataDir} 没有密钥文件 keyring.json：数据库未加密，或密钥文件丢失',
    en: 'The data directory {dataDir} has no key file keyring.json: the database is not encrypted, or the key file is lost',
  },
} as const satisfies Record<string, Message>;
