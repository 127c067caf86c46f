/** main.ts picks its storage from the environment: PostgreSQL with DATABASE_URL, else a SQLite file. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorageFromEnv } from '#server/main.ts';

describe('openStorageFromEnv', () => {
  it('opens DATA_DIR/waypoint.sqlite by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-env-'));
    const storage = openStorageFromEnv({ DATA_DIR: dir });
    try {
      expect(storage.kind).toBe('sqlite');
      await storage.migrate();
      expect(existsSync(join(dir, 'waypoint.sqlite'))).toBe(true);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses PostgreSQL when DATABASE_URL is set (connecting lazily)', async () => {
    const storage = openStorageFromEnv({ DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none' });
    expect(storage.kind).toBe('postgres');
    await storage.close();
  });
});
