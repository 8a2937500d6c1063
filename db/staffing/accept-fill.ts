import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { requirePerson } from './roster';
import { resolveSlot, warningsFor, writeAssignment, type Slot } from './assign';

/**
 * Makes the chosen auto-fill proposals in one transaction. Each is checked again as it is made:
 * one that now breaks a rule or is already on the board (the board changed since) is skipped.
 */
export function acceptFill(ctx: ServiceContext, input: { items: (Slot & { personId: string })[] }): { created: number; skipped: number } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const out = sqlite.transaction(() => {
    let created = 0;
    let skipped = 0;
    const twice = sqlite.prepare('SELECT 1 FROM shift_assignments WHERE post_id = ? AND template_id = ? AND date = ? AND person_id = ? AND deleted = 0');
    input.items.forEach((item, i) => {
      const s = resolveSlot(sqlite, item, `items.${i}.date`);
      const person = requirePerson(sqlite, item.personId, `items.${i}.personId`);
      if (twice.get(s.post.id, s.template.id, s.date, person.id) || warningsFor(sqlite, s, person).length) {
        skipped++;
        return;
      }
      writeAssignment(ctx, s, person.id, [], null);
      created++;
    });
    appendAudit(sqlite, { actor: ctx.actor, action: 'staffing.autofill.accept', target: null, detail: { created, skipped } });
    return { created, skipped };
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return out;
}
