/**
 * 交接班 notes for the demo: what a shift saw at its post and what the next one must watch, by
 * the kind of post, with figures drawn for each note.
 */
import type { Random } from '../../maps/random';

const HAPPENED: Record<string, ((n: (lo: number, hi: number) => number) => string)[]> = {
  checkpoint: [
    (n) => `登记进出车辆 ${n(40, 160)} 辆、人员 ${n(120, 420)} 人次，劝返外来人员 ${n(1, 6)} 人`,
    (n) => `查验健康码 ${n(150, 500)} 人次，发现黄码 ${n(1, 3)} 人，已报社区并按流程处置`,
    (n) => `为居民代收快递、外卖 ${n(30, 120)} 件，无异常`,
  ],
  testing: [
    (n) => `采样 ${n(200, 800)} 人，十混一 ${n(20, 80)} 管，已交转运`,
    (n) => `上门为行动不便老人采样 ${n(3, 12)} 人`,
  ],
  vanguard: [
    (n) => `协助配送生活物资 ${n(20, 90)} 户，解答居民咨询 ${n(10, 40)} 次`,
    (n) => `走访独居老人 ${n(3, 10)} 户，均已送药送菜`,
  ],
  patrol: [
    (n) => `巡逻 ${n(2, 5)} 圈，劝散聚集 ${n(1, 4)} 处，检查封控楼栋门磁 ${n(10, 30)} 个`,
    (n) => `发现单元门禁损坏 ${n(1, 2)} 处，已报物业`,
  ],
  screening: [
    (n) => `电话排查 ${n(40, 150)} 户，录入 ${n(30, 120)} 条，${n(2, 9)} 户未接通`,
    (n) => `核对返乡人员名单 ${n(10, 40)} 人，${n(1, 4)} 人需补录行程`,
  ],
};

const WATCH = [
  '明早 7 点物资车到，注意接收并清点',
  '3 号楼有居民情绪激动，注意沟通',
  '测温枪电池不足，已申请更换',
  '有两名居民预约就医出行，已登记车牌，放行前核对证明',
  '夜间气温低，注意值守人员保暖',
  '核酸结果预计凌晨返回，留意异常通知',
  '',
];

/** A note for a shift at a post of `kind`: what happened and what to watch (sometimes nothing). */
export function handoverText(kind: string, rng: Random): { happened: string; watch: string } {
  const lines = HAPPENED[kind] ?? HAPPENED.checkpoint!;
  const n = (lo: number, hi: number) => rng.int(lo, hi);
  return { happened: rng.pick(lines)(n), watch: rng.pick(WATCH) };
}
