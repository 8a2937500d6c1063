/** The buildings table, the building page, households, needs and incidents. */
export const buildingsZhCN = {};

export const buildingsEn: Record<keyof typeof buildingsZhCN, string> = {};
