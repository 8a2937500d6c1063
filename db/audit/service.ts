import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { anchorsToCheck } from './anchors';
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

/**
 * Walks the whole chain and holds it to every signed anchor: in the database, in the file beside
 * it and in each backup. On a large log call it off the main thread. Needs `audit.read`.
 */
export function checkAuditChain(ctx: ServiceContext): AuditVerification {
  authorize(ctx.actor, 'audit.read');
  return verifyAuditChain(ctx.sqlite, { anchors: anchorsToCheck(ctx.sqlite, ctx.dataDir) });
}
