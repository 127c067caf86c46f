/** Class join codes: short, random, easy to read aloud and type on a station. */
import { randomBytes } from 'node:crypto';

/** No 0/O or 1/I. */
const JOIN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  return Array.from(randomBytes(JOIN_CODE_LENGTH), (b) => JOIN_ALPHABET[b % JOIN_ALPHABET.length]).join('');
}

/** What people type: any case, with spaces or dashes between groups ("abcd-2345"). */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** A fresh code is taken by another class about once in 10^12 tries; a few attempts are plenty. */
export const JOIN_CODE_ATTEMPTS = 5;
