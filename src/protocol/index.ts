export * from './domain.ts';
export * from './hlc.ts';
export * from './ids.ts';
export * from './tables.ts';
export * from './change.ts';

/** Bumped whenever the wire format changes in a way an older peer cannot read. */
export const PROTOCOL_VERSION = 1;
export * from './wire.ts';
export * from './validate.ts';
export * from './password-strength.ts';
export * from './seeded-random.ts';
export * from './write-roles.ts';
export * from './record-shapes.ts';
