/** What the wall listener says of this PC: the database is open, this browser holds a credential not revoked. */
export interface WallStatus {
  open: boolean;
  paired: boolean;
  name: string | null;
}

export async function fetchWallStatus(): Promise<WallStatus> {
  const response = await fetch('/api/wall/status', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as WallStatus;
}

/** Enters a pairing code; resolves with the display's name, or rejects with the service's Chinese message. */
export async function pairWall(code: string): Promise<string> {
  const response = await fetch('/api/wall/pair', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-griddesk': '1' },
    body: JSON.stringify({ code }),
  });
  const reply = (await response.json()) as { ok: true; result: { name: string } } | { ok: false; error: { message: string; key?: string; params?: Record<string, string | number> } };
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { reply: reply.error });
  return reply.result.name;
}
