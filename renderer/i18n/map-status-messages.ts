/** The map's status tools: selection, bulk change, history, as-of date, flags, progress layer, reminders. */
export const mapStatusZhCN = {};

export const mapStatusEn: Record<keyof typeof mapStatusZhCN, string> = {};
