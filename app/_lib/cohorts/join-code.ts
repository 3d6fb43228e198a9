import { randomInt } from 'node:crypto';

/**
 * Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, no U beside
 * V), shown to people as two groups of four ("K7QM-3XPA") and stored without the dash.
 * Typing is forgiving: case, spaces and dashes do not matter.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** A fresh random code, as stored (no dash). */
export function newJoinCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let index = 0; index < JOIN_CODE_LENGTH; index++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** "K7QM3XPA" -> "K7QM-3XPA", for people to read and type. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed or a link carried, as stored; null when it cannot be a join code. */
export function parseJoinCode(input: string): string | null {
  const code = input.replaceAll(/[\s-]/g, '').toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** The page a learner opens to join. */
export function joinPath(code: string): string {
  return `/join/${formatJoinCode(code)}`;
}
