import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (memory-hard; maintained, prebuilt, no install script). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so both paths take as long. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$5/fV/rm0FEFPWR/m4Tq2Mw$B4Fay21XZYINZ/2AyOJbVRyhIIqflmLEV1pdrb/4l8k';
