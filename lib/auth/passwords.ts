import 'server-only';
import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). `algorithm: 2` is
// Algorithm.Argon2id: the package declares a const enum, which isolatedModules
// cannot read.
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// A hash of a random, discarded password with the same parameters, verified
// when there is no real hash so an unknown email costs as much time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$H2Aew7GIc9QGZUQVa3ik8A$lvmaXgezTsjczEIAgxlb6CjuhOs9Ku2ceQBuRLIODL0';

/**
 * Passwords are hashed in Unicode NFC: a Korean password typed on a keyboard
 * that composes syllables (NFC) and pasted from a file in NFD is the same
 * password. (RFC 8265's OpaqueString profile normalizes the same way.)
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

/**
 * 'match', 'mismatch', or 'match-unnormalized': the stored hash predates
 * normalization and holds the password exactly as it was typed then; the
 * caller re-hashes it in NFC (nothing is migrated in bulk). With no stored
 * hash a dummy one is checked, so an unknown account costs the same time.
 */
export async function checkPassword(stored: string | null, password: string): Promise<'match' | 'match-unnormalized' | 'mismatch'> {
  const target = stored ?? DUMMY_HASH;
  const normalized = password.normalize('NFC');
  // A malformed stored hash is a mismatch, not a 500.
  const check = (candidate: string) => verify(target, candidate).catch(() => false);
  if ((await check(normalized)) && stored) return 'match';
  // Only input that NFC changes can have been stored in another form; it
  // costs a second verify whether or not the account exists.
  if (normalized !== password && (await check(password)) && stored) return 'match-unnormalized';
  return 'mismatch';
}
