/** What every admin command gets: the server's environment, the password input, and where to print. */
import type { PasswordInput } from './read-password.ts';

export interface AdminRun {
  /** The server's environment: DATABASE_URL, else DATA_DIR/waypoint.sqlite. */
  readonly env: NodeJS.ProcessEnv;
  readonly io: PasswordInput;
  readonly log: (line: string) => void;
  /** The usage text, for a call that lacks an option. */
  readonly usage: string;
}
