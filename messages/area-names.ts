/** How a grid is named wherever it appears alone: every community has a 第1网格, so the community comes first. */
const SEPARATOR = ' · ';

/** 「永安西里社区 · 第1网格」 */
export function gridLabel(communityName: string, gridName: string): string {
  return `${communityName}${SEPARATOR}${gridName}`;
}

/** The same label built in SQL from a community-name and a grid-name column. */
export function gridLabelSql(communityColumn: string, gridColumn: string): string {
  return `${communityColumn} || '${SEPARATOR}' || ${gridColumn}`;
}
