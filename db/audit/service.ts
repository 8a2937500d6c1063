import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { auditActions, queryAudit, type AuditPage, type AuditQuery } from './query';
import { verifyAuditChain, type AuditVerification } from './verify';

/** The administrators' viewer: one page of the log. Needs `audit.read`. */
export function listAuditLog(ctx: ServiceContext, query: AuditQuery): AuditPage {
  authorize(ctx.actor, 'audit.read');
  return queryAudit(ctx.sqlite, query);
}

/** The actions for the viewer's filter. Needs `audit.read`. */
export function listAuditActions(ctx: ServiceContext): string[] {
  authorize(ctx.actor, 'audit.read');
  return auditActions(ctx.sqlite);
}

/** Walks the whole chain; on a large log call it off the main thread. Needs `audit.read`. */
export function checkAuditChain(ctx: ServiceContext): AuditVerification {
  authorize(ctx.actor, 'audit.read');
  return verifyAuditChain(ctx.sqlite);
}
