/** What a searchable picker shows for one match: the value it posts, its label, and a line that tells two alike apart. */
export type PickOption = { value: string; label: string; detail?: string };

/** A picker shows the first matches only; typing more narrows them. */
export const PICK_LIMIT = 20;

const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for text containing `text` (its own %, _ and \\ taken literally). */
export function containing(text: string): string {
  return `%${literal(text)}%`;
}

/** A LIKE pattern for text starting with `text`. */
export function startingWith(text: string): string {
  return `${literal(text)}%`;
}
