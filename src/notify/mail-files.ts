import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the mailer writes its .eml files when there is no SMTP server (DATA_DIR/mail). */
export const mailFolder = (dataDir: string) => join(dataDir, 'mail');

/**
 * Deletes the .eml files written before `before`: they hold names, addresses and manage links, and the folder is
 * a mailbox for trying the service out, not an archive. Returns how many went.
 */
export function pruneMailFiles(dataDir: string, before: Date): number {
  const folder = mailFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    const file = join(folder, name);
    try {
      if (statSync(file).mtimeMs < before.getTime()) {
        rmSync(file);
        removed++;
      }
    } catch {
      // Gone already (another process pruned it).
    }
  }
  return removed;
}
