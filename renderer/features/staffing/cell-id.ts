/** A board cell as one string (the drop target's id): post, shift template, day. */
export interface CellRef {
  postId: string;
  templateId: string;
  date: string;
}

export const cellId = (c: CellRef): string => `${c.postId}|${c.templateId}|${c.date}`;

export function parseCellId(id: string): CellRef | null {
  const [postId, templateId, date] = id.split('|');
  return postId && templateId && date ? { postId, templateId, date } : null;
}
