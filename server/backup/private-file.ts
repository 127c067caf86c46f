/**
 * A backup holds password hashes and children's records: it is made readable by its owner only (0600)
 * before the first byte goes in, whatever the umask, so no other user of the machine ever reads it.
 */
import { chmodSync, writeFileSync } from 'node:fs';

export function createPrivateFile(path: string): void {
  writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600); // exactly, whatever the umask took away
}
