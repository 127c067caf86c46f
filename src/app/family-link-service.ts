import type { Connection } from '#db';
import { FamilyLinkError, type FamilyLinkProblem, type FamilyLinkService } from '#state/family-links.ts';

export interface FamilyLinkServiceOptions {
  /** This device's server connection, read at each call (a teacher may sign in or out meanwhile). */
  readonly connection: () => Promise<Connection | null>;
  /** Where the family's page was served from: its API is on the same server. */
  readonly origin: string;
  readonly fetch?: typeof fetch;
}

/** The sync engine, loaded at the first call (see lazy-sync.ts): the first screen needs none of it. */
const syncEngine = () => import('#sync');

/** The sync module's family-link calls, with their failures named for the screens. */
export function familyLinkService(options: FamilyLinkServiceOptions): FamilyLinkService {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function teacherConnection(): Promise<Connection> {
    const connection = await options.connection();
    if (!connection) throw new FamilyLinkError('notConnected', 'This device is not connected to a server.');
    if (connection.kind !== 'teacher') throw new FamilyLinkError('notTeacher', 'Only teacher devices make links.');
    return connection;
  }

  return {
    async create(studentId) {
      const connection = await teacherConnection();
      const { createFamilyLink, familyPageUrl } = await syncEngine();
      const made = await named(TEACHER_PROBLEMS, () => createFamilyLink(connection, studentId, doFetch));
      return { id: made.id, url: familyPageUrl(connection.baseUrl, made.token), serverUrl: connection.baseUrl };
    },
    async revoke(id) {
      const connection = await teacherConnection();
      const { revokeFamilyLink } = await syncEngine();
      await named(TEACHER_PROBLEMS, () => revokeFamilyLink(connection, id, doFetch));
    },
    read: async (token) => {
      const { readFamilyView } = await syncEngine();
      return named(FAMILY_PROBLEMS, () => readFamilyView(options.origin, token, doFetch));
    },
    readBlob: async (token, sha256) => {
      const { readFamilyBlob } = await syncEngine();
      return named(FAMILY_PROBLEMS, () => readFamilyBlob(options.origin, token, sha256, doFetch));
    },
  };
}

type Problems = Readonly<Record<string, FamilyLinkProblem>>;
/** A teacher's calls: a 401 there is the teacher's own token, told as the server's message ('other'). */
const TEACHER_PROBLEMS: Problems = { notFound: 'notOnServer', network: 'network' };
const FAMILY_PROBLEMS: Problems = {
  familyLinkRevoked: 'revoked',
  familyLinkExpired: 'expired',
  unauthorized: 'invalid',
  network: 'network',
};

async function named<T>(problems: Problems, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { SyncError } = await syncEngine();
    if (error instanceof SyncError) throw new FamilyLinkError(problems[error.code] ?? 'other', error.message);
    throw error;
  }
}
