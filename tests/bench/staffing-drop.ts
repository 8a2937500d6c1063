import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DutyPerson, StaffingBoard } from '../../electron/api/staffing';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { BENCH_TMP, emit, freshDir, median } from './lib';
import { launchChromium, startBenchServer } from './server';

const DROPS = 7;

/**
 * In the page, armed before the drag: resolves with the milliseconds from the pointer's release
 * (the drop) until the cell holds a chip with the name and the next frame has run.
 */
const WATCH_DROP = `new Promise((resolve, reject) => {
  const { cell, name } = %ARGS%;
  let dropped = null;
  window.addEventListener('pointerup', () => {
    dropped = performance.now();
    setTimeout(() => { observer.disconnect(); reject(new Error('the name never showed in ' + cell)); }, 20000);
  }, { capture: true, once: true });
  const shown = () => {
    const td = document.querySelector('[data-cell="' + cell + '"]');
    return !!td && [...td.querySelectorAll('[data-testid="staff-chip"]')].some((c) => c.textContent.trim() === name);
  };
  const observer = new MutationObserver(() => {
    if (dropped === null || !shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - dropped));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
})`;

async function rpc<T>(page: Page, origin: string, method: string, input: unknown): Promise<T> {
  const reply = await page.request.post(`${origin}/api/rpc`, { headers: { 'x-griddesk': '1' }, data: { method, input } });
  const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

/** Drags with the mouse in small steps, as dnd-kit's pointer sensor needs (as the e2e tests do). */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const target = page.locator(to);
  await target.scrollIntoViewIfNeeded();
  const source = page.locator(from);
  await source.scrollIntoViewIfNeeded();
  const a = (await source.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  const b = (await target.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  // dnd-kit finds the cell under the pointer as the page keeps up with the moves; the drop waits for it (the time runs from the release).
  await page.waitForSelector(`${to}.gd-staff-cell-hover`, { timeout: 30_000 });
  await page.mouse.up();
}

/** Pairs of a short shift still to come this week and a person free of every rule for it, each person and cell once. */
async function choosePairs(page: Page, origin: string, board: StaffingBoard, people: DutyPerson[], now: number) {
  const pairs: { cell: string; personId: string; name: string }[] = [];
  const used = new Set<string>();
  const posts = board.communities.flatMap((c) => c.posts).slice(0, 12);
  for (const post of posts) {
    for (const cell of post.cells) {
      if (pairs.length >= DROPS) return pairs;
      if (cell.startsAt <= now || cell.people.filter((p) => !p.noShow).length >= cell.needed) continue;
      for (const person of people) {
        if (used.has(person.id) || cell.people.some((p) => p.personId === person.id)) continue;
        const slot = { postId: post.id, templateId: cell.templateId, date: cell.date };
        const broken = await rpc<unknown[]>(page, origin, 'staffing.check', { ...slot, personId: person.id });
        if (broken.length) continue;
        used.add(person.id);
        pairs.push({ cell: `${slot.postId}|${slot.templateId}|${slot.date}`, personId: person.id, name: person.name });
        break;
      }
    }
  }
  return pairs;
}

/**
 * The week board of the large preset (200 posts) in headless Chromium, 1600×1000, as a duty officer:
 * a person dragged from the people panel onto a short shift, from the drop until the board shows
 * the name in that cell (a MutationObserver, then the next frame). Median of the drops; target 100 ms.
 */
export async function benchStaffingDrop(largeDir: string, password = process.env.GRIDDESK_BENCH_PASSWORD ?? DEMO_PASSWORD): Promise<void> {
  const dataDir = freshDir('staffing-drop');
  cpSync(largeDir, dataDir, { recursive: true });
  const browser = await launchChromium();
  const { child, url } = await startBenchServer(dataDir);
  try {
    const origin = new URL(url).origin;
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await page.goto(url);
    await rpc(page, origin, 'auth.login', { username: 'zhiban', password });
    const board = await rpc<StaffingBoard>(page, origin, 'staffing.board', { days: 7 });
    const people = (await rpc<DutyPerson[]>(page, origin, 'staffing.people', { weekOf: board.from })).filter((p) => p.weekHours === 0);
    const pairs = await choosePairs(page, origin, board, people, Date.now());
    if (pairs.length < 3) throw new Error(`only ${pairs.length} drops without a broken rule found`);

    await page.goto('about:blank');
    await page.goto(`${origin}/#/staffing`);
    await page.waitForSelector('[data-testid="staff-board"]', { timeout: 180_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(BENCH_TMP, 'staffing-drop-failed.png') });
      throw e;
    });
    const cells = await page.locator('[data-testid="staff-cell"]').count();
    if (process.env.GRIDDESK_BENCH_VERBOSE) console.error(`${pairs.length} drops over ${cells} cells`);
    const times: number[] = [];
    for (const pair of pairs) {
      await page.getByTestId('staff-people-search').locator('input').fill(pair.name);
      const chip = `[data-testid="staff-person"][data-person="${pair.personId}"]`;
      await page.waitForSelector(chip);
      const shown = (page.evaluate(WATCH_DROP.replace('%ARGS%', JSON.stringify({ cell: pair.cell, name: pair.name }))) as Promise<number>).then(
        (ms) => ms,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      await drag(page, chip, `[data-cell="${pair.cell}"]`);
      const ms = await shown;
      if (ms instanceof Error) {
        await page.screenshot({ path: join(BENCH_TMP, 'staffing-drop-failed.png') });
        throw ms;
      }
      times.push(ms);
      if (process.env.GRIDDESK_BENCH_VERBOSE) console.error(`drop ${times.length}: ${Math.round(times.at(-1)!)} ms`);
      // Let the board settle (the answer of the assignment, the refetch) before the next drop.
      await page.waitForTimeout(1500);
    }
    emit('staffing.board.drop.chromium', median(times), 'ms', { runs: times.map(Math.round), cells, viewport: '1600x1000', target: 100 });
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

/** `tsx tests/bench/staffing-drop.ts <data dir>`: this bench alone, on a data directory seeded with the large preset. */
if (process.argv[1]?.endsWith('staffing-drop.ts') && process.argv[2]) {
  benchStaffingDrop(process.argv[2]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
