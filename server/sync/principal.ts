/** Who is asking, as established by a bearer token (server/http/auth.ts). */
import type { DeviceKind } from '#protocol';

export interface Principal {
  readonly kind: DeviceKind;
  readonly tokenId: string;
  readonly schoolId: string;
  /** Null: a teacher signed in with email and password, who sees the whole school. */
  readonly classId: string | null;
  /** A station's signed-in child or a student device's child; null otherwise. */
  readonly studentId: string | null;
  readonly teacherId: string | null;
}

/** Used by the server itself (seeding, class creation) to write through the same core. */
export function serverPrincipal(schoolId: string): Principal {
  return { kind: 'teacher', tokenId: 'server', schoolId, classId: null, studentId: null, teacherId: null };
}
