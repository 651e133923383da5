/**
 * Names compared the way a person reads them: one Unicode form (NFC, so a composed and a
 * decomposed "é" are the same), without case, trimmed and with runs of spaces as one. The one key
 * for "is this the same name" — sibling units on screen and in the HR import (issue 20, finding 12).
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** Trimmed, with runs of spaces as one, in NFC: how a name is stored. */
export const tidy = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ');
