import { describe, expect, it } from 'vitest';
import { classifyStorageError, STORAGE_ERROR_CODES, STORAGE_ERROR_MESSAGES } from '../../editor/storage/storageError.ts';
import { hasVietnameseLetter, hasVietnameseProse } from '../vietnameseLetters.ts';

describe('classifyStorageError', () => {
  it.each([
    ['a DOMException named QuotaExceededError', new DOMException('full', 'QuotaExceededError')],
    ["Firefox's NS_ERROR_DOM_QUOTA_REACHED by name", Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
    ['the legacy code 22 under another name', { name: 'Error', code: 22, message: 'QUOTA_EXCEEDED_ERR' }],
    ["Firefox's legacy code 1014", { name: 'Error', code: 1014 }],
  ])('calls %s a quota error', (_, cause) => {
    expect(classifyStorageError(cause)).toEqual({ code: 'quota', message: STORAGE_ERROR_MESSAGES.quota, cause });
  });

  it.each([
    ['InvalidStateError (Firefox private mode)', new DOMException('open failed', 'InvalidStateError')],
    ['SecurityError (storage blocked)', new DOMException('denied', 'SecurityError')],
    ["localforage's message when no driver works", new Error('No available storage method found.')],
  ])('calls %s unavailable', (_, cause) => {
    expect(classifyStorageError(cause)).toMatchObject({ code: 'unavailable', cause });
  });

  it.each([
    ['a DataCloneError', new DOMException('could not be cloned', 'DataCloneError')],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('calls %s unknown and keeps it as the cause', (_, cause) => {
    expect(classifyStorageError(cause)).toEqual({ code: 'unknown', message: STORAGE_ERROR_MESSAGES.unknown, cause });
  });
});

describe('storage error messages', () => {
  it.each(STORAGE_ERROR_CODES)('%s reads as Vietnamese in vi and English in en, composed (NFC), and says how not to lose work', (code) => {
    const { vi, en } = STORAGE_ERROR_MESSAGES[code];
    expect(hasVietnameseLetter(vi)).toBe(true);
    expect(vi).toBe(vi.normalize('NFC'));
    expect(vi).toMatch(/tệp JSON/);
    expect(hasVietnameseProse(en)).toBe(false);
    expect(en).toMatch(/JSON file/);
  });
});
