import type { Label } from '../../engine/documents/enums.ts';

/** The kinds of storage failure the editor tells apart, each with its own advice to the user. */
export const STORAGE_ERROR_CODES = ['quota', 'unavailable', 'corrupt', 'unknown'] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

/**
 * A storage failure, classified. `message` is for the user, Vietnamese first; `cause` is what the browser threw
 * (or, for `corrupt`, the validation issues and the stored value), kept for diagnostics and never shown raw.
 */
export interface StorageError {
  code: StorageErrorCode;
  message: Label;
  cause: unknown;
}

/** The user-facing text of each failure kind. Every message says how not to lose work. */
export const STORAGE_ERROR_MESSAGES: Record<StorageErrorCode, Label> = {
  quota: {
    vi: 'Bộ nhớ trình duyệt đã đầy: chưa lưu được thay đổi. Hãy xuất không gian làm việc ra tệp JSON để không mất dữ liệu.',
    en: "The browser's storage is full: your changes are not saved. Export the workspace to a JSON file so nothing is lost.",
  },
  unavailable: {
    vi: 'Trình duyệt không cho phép lưu trữ (có thể đang ở chế độ duyệt riêng tư hoặc IndexedDB bị tắt): thay đổi chỉ còn trong thẻ này. Hãy xuất không gian làm việc ra tệp JSON để không mất dữ liệu.',
    en: 'The browser does not allow storage here (private browsing, or IndexedDB is turned off): your changes exist only in this tab. Export the workspace to a JSON file so nothing is lost.',
  },
  corrupt: {
    vi: 'Dữ liệu đã lưu của không gian làm việc này bị hỏng hoặc không đúng định dạng, nên chưa bị ghi đè. Hãy xuất bản của bạn ra tệp JSON, rồi chọn "Giữ bản của tôi" nếu muốn thay thế nó.',
    en: 'The saved data of this workspace is damaged or not in the expected format, so it has not been overwritten. Export your version to a JSON file, then choose "Keep mine" to replace it.',
  },
  unknown: {
    vi: 'Trình duyệt báo lỗi khi đọc hoặc ghi không gian làm việc. Hãy thử lại; nếu vẫn lỗi, hãy xuất không gian làm việc ra tệp JSON để không mất dữ liệu.',
    en: 'The browser reported an error while reading or writing the workspace. Try again; if it persists, export the workspace to a JSON file so nothing is lost.',
  },
};

/** A failure of kind `code` with its standard message. */
export function storageError(code: StorageErrorCode, cause: unknown): StorageError {
  return { code, message: STORAGE_ERROR_MESSAGES[code], cause };
}

/** DOMException code 22 is the legacy QUOTA_EXCEEDED_ERR; 1014 is Firefox's NS_ERROR_DOM_QUOTA_REACHED. */
const QUOTA_CODES = new Set([22, 1014]);
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/**
 * IndexedDB refused or missing: Firefox private mode fails `open` with InvalidStateError, Safari and blocked
 * third-party storage throw SecurityError, and localforage reports a browser with no usable driver by message.
 */
const UNAVAILABLE_NAMES = new Set(['InvalidStateError', 'SecurityError']);
const UNAVAILABLE_MESSAGES = [/no available storage method/i];

/**
 * Classifies what a storage call threw. Total: anything unrecognised is `unknown`, with the original as `cause`.
 * Never yields `corrupt`: that comes from validating a value that was read successfully.
 */
export function classifyStorageError(cause: unknown): StorageError {
  const { name, code, message } = describe(cause);
  if (QUOTA_NAMES.has(name) || (code !== undefined && QUOTA_CODES.has(code))) return storageError('quota', cause);
  if (UNAVAILABLE_NAMES.has(name) || UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) {
    return storageError('unavailable', cause);
  }
  return storageError('unknown', cause);
}

function describe(cause: unknown): { name: string; code: number | undefined; message: string } {
  if (typeof cause !== 'object' || cause === null) return { name: '', code: undefined, message: String(cause) };
  const record = cause as { name?: unknown; code?: unknown; message?: unknown };
  return {
    name: typeof record.name === 'string' ? record.name : '',
    code: typeof record.code === 'number' ? record.code : undefined,
    message: typeof record.message === 'string' ? record.message : '',
  };
}
