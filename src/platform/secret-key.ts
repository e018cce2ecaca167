import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SECRET_KEY when set; otherwise a key kept in DATA_DIR/secret.key, made on the first start, so that the links in
 * e-mails keep working across restarts. Several processes on one database must share SECRET_KEY (README).
 */
export function secretKeyFor(config: { SECRET_KEY?: string | undefined; DATA_DIR: string }): {
  key: string;
  source: 'environment' | 'file' | 'new file';
} {
  if (config.SECRET_KEY) return { key: config.SECRET_KEY, source: 'environment' };
  const file = join(config.DATA_DIR, 'secret.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), source: 'file' };
  mkdirSync(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: 'new file' };
}
