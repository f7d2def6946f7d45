/** Password hashing with argon2id (parameters of the OWASP recommendation, or lighter ones in tests). */
import argon2 from 'argon2';

export interface HashCost {
  memoryCost: number;
  timeCost: number;
}

/** 64 MiB, 3 passes: well above the OWASP minimum for argon2id. */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 65536, timeCost: 3 };

export async function hashPassword(password: string, cost: HashCost = DEFAULT_HASH_COST): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryCost, timeCost: cost.timeCost });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash never matches.
    return false;
  }
}
