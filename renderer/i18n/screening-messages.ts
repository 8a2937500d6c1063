/** Screening rounds (入户摸排). */
export const screeningZhCN = {};

export const screeningEn: Record<keyof typeof screeningZhCN, string> = {};
