/** Limits and timings shared by client and server. The unit is in the name. */
export const SYNC_INTERVAL_MS = 60_000;
export const SYNC_BACKOFF_BASE_MS = 2_000;
export const SYNC_BACKOFF_MAX_MS = 5 * 60_000;
export const SYNC_PUSH_BATCH_SIZE = 100;
export const MAX_PUSH_OPS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const PASSWORD_MIN_LENGTH = 8;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 30 * 60_000;
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_AGE_MS = 30 * 24 * 3600_000;
export const READING_HEARTBEAT_MS = 60_000;
export const USERS_PAGE_SIZE = 20;
export const MAX_LAW_FILES = 60;
export const MAX_LAW_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_LAW_UPLOAD_BYTES = 30 * 1024 * 1024;
export const LAW_CATALOG_REFRESH_MS = 10 * 60_000;

/** 完成本课 counts once the lesson was visible for this share of its stated minutes (told to the reader). */
export const COMPLETE_AFTER_SHARE = 1 / 3;
