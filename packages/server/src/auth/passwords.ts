/** Password hashing with argon2id (parameters of the OWASP recommendation, or lighter ones in tests). */
import argon2 from 'argon2';

export interface HashCost {
  memoryCost: number;
  timeCost: number;
}

/**
 * OWASP's argon2id configuration m=19 MiB, t=2, p=1 (equivalent in strength to its 46 MiB, t=1 one): the
 * memory per login stays small, so a burst of logins cannot push the server's memory up by gigabytes.
 */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 19456, timeCost: 2 };

export async function hashPassword(password: string, cost: HashCost = DEFAULT_HASH_COST): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: cost.memoryCost,
    timeCost: cost.timeCost,
    parallelism: 1,
  });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash never matches.
    return false;
  }
}
