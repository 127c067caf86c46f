/** Command-line options of the admin commands (server/admin/cli.ts). */

/** `--name value` or `--name=value`; undefined when absent. */
export function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** A password on the command line stays in the shell's history and shows in the process list. */
export function passwordInArgs(args: readonly string[]): boolean {
  return args.some((a) => a === '--password' || a.startsWith('--password='));
}

export const PASSWORD_NOT_IN_ARGS =
  'The password is never taken from the command line (shell history, the process list): type it when asked.';

export const SIGN_IN_HINT =
  'On the teacher’s tablet: Settings → School server, the server’s address, then sign in with this email.';
