import { createContext, useContext } from 'react';
import type { FamilyViewResponse } from '#protocol';

/** Why a family-link request failed, in terms a screen can turn into a sentence. */
export type FamilyLinkProblem =
  'revoked' | 'expired' | 'invalid' | 'network' | 'notConnected' | 'notTeacher' | 'notOnServer' | 'other';

export class FamilyLinkError extends Error {
  override name = 'FamilyLinkError';
  constructor(
    readonly problem: FamilyLinkProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface CreatedFamilyLink {
  readonly id: string;
  /** The full address to give the family: `<server>/family/<token>`. */
  readonly url: string;
  /** The server it was made on, so links of another server are not offered for revoking. */
  readonly serverUrl: string;
}

/**
 * What screens may ask of family links. The app provides the implementation (src/sync), so features never
 * depend on the network code; tests provide their own.
 */
export interface FamilyLinkService {
  /** A teacher device makes a read-only link for one child on its server. */
  create(studentId: string): Promise<CreatedFamilyLink>;
  /** Turns a link off; the family then sees that it no longer works. */
  revoke(id: string): Promise<void>;
  /** The family's side: the child's records as the server holds them, read by the link's token. */
  read(token: string): Promise<FamilyViewResponse>;
  /** The family's side: a piece of work the teacher shared (only those are served), bytes and type. */
  readBlob(token: string, sha256: string): Promise<{ readonly bytes: ArrayBuffer; readonly mime: string }>;
}

export const FamilyLinkServiceContext = createContext<FamilyLinkService | null>(null);

export function useFamilyLinkService(): FamilyLinkService {
  const service = useContext(FamilyLinkServiceContext);
  if (!service) throw new Error('useFamilyLinkService needs a FamilyLinkServiceContext provider');
  return service;
}
