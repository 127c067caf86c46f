/** A teacher account as the administrator names it (by email), with the school it belongs to. */
import type { Storage, TeacherAccount } from '#server/storage/storage.ts';
import { knownSchools, type KnownSchool } from './find-school.ts';

export type TeacherChoice =
  { readonly teacher: TeacherAccount; readonly school: KnownSchool } | { readonly refusal: string };

/** Emails are stored lower case (sign-in looks them up so). */
export async function findTeacher(storage: Storage, email: string): Promise<TeacherChoice> {
  const teacher = await storage.findTeacherByEmail(email.trim().toLowerCase());
  if (!teacher) return { refusal: `no teacher account has the email ${email.trim().toLowerCase()} on this server.` };
  const school = (await knownSchools(storage)).find((s) => s.id === teacher.schoolId);
  if (!school) return { refusal: `the account ${teacher.email} belongs to no school on this server.` };
  return { teacher, school };
}
