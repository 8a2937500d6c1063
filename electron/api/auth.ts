import { z } from 'zod';
import { mutation, query } from './define';
import type { Permission } from './permissions';
import { officeSchema } from './territory';

export const roleSchema = z.enum(['admin', 'staff', 'leader', 'analyst', 'grid_worker']);
export type Role = z.infer<typeof roleSchema>;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The account's permissions: the UI hides what the services would refuse. */
  permissions: Permission[];
  gridIds: string[];
}

export interface AuthStatus {
  /**
   * setup-required: no administrator yet (first run); signed-out: sign in; locked: the session
   * went idle and needs the password again; signed-in: working.
   */
  state: 'setup-required' | 'signed-out' | 'locked' | 'signed-in';
  user: SessionUser | null;
  idleMinutes: number;
  /** Only on demo data directories: the demo account names, to help a first look. */
  demoAccounts: { username: string; role: Role }[] | null;
}

export interface AccountInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  gridIds: string[];
  seesPersonalData: boolean;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

const username = z.string().trim().min(1, '请输入用户名').max(32, '用户名不超过 32 位');
const password = z.string().min(1, '请输入密码').max(256, '密码不超过 256 位');

export const authMethods = {
  'auth.status': query<AuthStatus>({ permission: 'public' })(z.object({}).strict()),
  'auth.setup': mutation<{ recoveryCode: string; status: AuthStatus }>({ permission: 'public' })(
    z
      .object({ username, displayName: z.string().trim().min(1, '请输入姓名').max(40), password, office: officeSchema.optional() })
      .strict(),
  ),
  'auth.login': mutation<AuthStatus>({ permission: 'public' })(z.object({ username, password }).strict()),
  'auth.unlock': mutation<AuthStatus>({ permission: 'public' })(z.object({ password }).strict()),
  'auth.logout': mutation<AuthStatus>({ permission: 'public' })(z.object({}).strict()),
  /** 锁屏: locks the caller's session now, as going idle does; unlocking takes the password. */
  'auth.lock': mutation<AuthStatus>({ permission: 'signedIn' })(z.object({}).strict()),
  'auth.changePassword': mutation<{ changed: true }>({ permission: 'signedIn' })(z.object({ oldPassword: password, newPassword: password }).strict()),
  'auth.recover': mutation<AuthStatus>({ permission: 'public' })(
    z.object({ recoveryCode: z.string().trim().min(20, '恢复码不完整').max(40), username, newPassword: password }).strict(),
  ),
  'accounts.list': query<AccountInfo[]>({ permission: 'accounts.manage' })(z.object({}).strict()),
  'accounts.create': mutation<AccountInfo>({ permission: 'accounts.manage', invalidates: ['accounts'] })(
    z
      .object({
        username,
        displayName: z.string().trim().min(1, '请输入姓名').max(40),
        role: roleSchema,
        gridIds: z.array(z.string().uuid()).max(50).default([]),
        seesPersonalData: z.boolean().default(false),
        password,
      })
      .strict(),
  ),
  'accounts.update': mutation<AccountInfo>({ permission: 'accounts.manage', invalidates: ['accounts'] })(
    z
      .object({
        id: z.string().uuid(),
        displayName: z.string().trim().min(1).max(40).optional(),
        role: roleSchema.optional(),
        gridIds: z.array(z.string().uuid()).max(50).optional(),
        seesPersonalData: z.boolean().optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
  ),
  'accounts.resetPassword': mutation<{ changed: true }>({ permission: 'accounts.manage', invalidates: ['accounts'] })(z.object({ id: z.string().uuid(), newPassword: password }).strict()),
};

