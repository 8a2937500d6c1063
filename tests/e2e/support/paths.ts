import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Scratch space of a run; GRIDDESK_E2E_TMP gives concurrent runs their own. */
export const E2E_TMP = process.env.GRIDDESK_E2E_TMP ?? join(ROOT, '.tmp', 'e2e');
/** A data dir seeded once per run (preset small); each test server gets its own copy. */
export const TEMPLATE_DIR = join(E2E_TMP, 'template-small');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
/** Password of the template's demo accounts (admin, zhiban, lingdao, shuju, wangge). */
export const E2E_PASSWORD = 'e2e-pass-2026';
