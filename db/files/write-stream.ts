import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ServiceContext } from '../context';
import { commitFile, discardFile, reserveFile, type FileKind, type StoredFile } from './store';

/**
 * Writes a file into the store by stream, owned by the caller: `write` fills the open stream (it
 * may end it itself, or leave it to be ended here). Kept only when complete: an error or a cancel
 * thrown by `write` removes the part file and is rethrown.
 */
export async function writeStoredFile(
  ctx: ServiceContext,
  meta: { name: string; kind: FileKind; now: number },
  write: (out: WriteStream) => Promise<void>,
): Promise<StoredFile> {
  const target = reserveFile(ctx.dataDir);
  const out = createWriteStream(target.path, { mode: 0o600 });
  try {
    await once(out, 'open');
    await write(out);
    if (!out.writableFinished) {
      if (!out.writableEnded) out.end();
      await once(out, 'finish');
    }
  } catch (err) {
    // The file is removed only once its stream is closed, or a late open or flush would bring it back.
    if (!out.closed) await new Promise<void>((closed) => out.destroy().once('close', () => closed()));
    discardFile(ctx.dataDir, target.id);
    throw err;
  }
  return commitFile(ctx.dataDir, target.id, { name: meta.name, kind: meta.kind, ownerId: ctx.actor.id, createdAt: meta.now });
}
