/**
 * Opaque keyset cursors: base64url of a small JSON tuple. A cursor names the last row a page returned
 * (its sort key and id), so the next page starts strictly after it in the same total order, and stays
 * right when rows are inserted or updated between requests. A cursor made for another list, sort or
 * direction, or any garbage, is a `validation` error naming `cursor`.
 */
import { validationError } from '../errors.js';

/** The position of a row in a keyset order: `key` null stands for "never" (sorts below every number). */
export interface KeysetPosition {
  key: number | null;
  id: string;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Encodes a position in the list identified by `scope` (e.g. `users:last-seen:desc`, `sessions:<userId>`). */
export function encodeCursor(scope: string, position: KeysetPosition): string {
  return toBase64Url(JSON.stringify([scope, position.key, position.id]));
}

/** Decodes a cursor made by `encodeCursor` for the same scope; anything else is a validation error. */
export function decodeCursor(scope: string, cursor: unknown): KeysetPosition {
  if (typeof cursor !== 'string' || cursor === '') throw validationError('cursor', 'Invalid cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw validationError('cursor', 'Invalid cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw validationError('cursor', 'Invalid cursor');
  const [cursorScope, key, id] = parsed as unknown[];
  if (cursorScope !== scope) throw validationError('cursor', 'The cursor belongs to another sort, direction or list');
  if (!(key === null || (typeof key === 'number' && Number.isFinite(key))) || typeof id !== 'string') {
    throw validationError('cursor', 'Invalid cursor');
  }
  return { key, id };
}
