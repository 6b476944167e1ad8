/** Limits and timings shared by client and server. The unit is in the name. */
export const SYNC_INTERVAL_MS = 60_000;
export const SYNC_BACKOFF_BASE_MS = 2_000;
export const SYNC_BACKOFF_MAX_MS = 5 * 60_000;
export const SYNC_PUSH_BATCH_SIZE = 100;
/**
 * A sync request that has had no answer in this long is given up (and retried with backoff): on a weak signal a
 * connection can stall without ever failing, and one hung push would otherwise hold the sync engine forever.
 */
export const SYNC_REQUEST_TIMEOUT_MS = 60_000;
export const MAX_PUSH_OPS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const PASSWORD_MIN_LENGTH = 8;
/** Wrong passwords one address may try on one account per LOGIN_LOCK_MS window before it is locked out of it. */
export const LOGIN_MAX_FAILURES = 5;
/** Wrong passwords one address may try over all accounts per window (a password sprayed over many phones). */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
/** Wrong passwords one account may take from all addresses together per window. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 50;
export const LOGIN_LOCK_MS = 30 * 60_000;
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_MAX_AGE_MS = 30 * 24 * 3600_000;
export const READING_HEARTBEAT_MS = 60_000;
export const MAX_READ_SECONDS = 3600;
export const USERS_PAGE_SIZE = 20;
export const MAX_LAW_FILES = 60;
export const MAX_LAW_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_LAW_UPLOAD_BYTES = 30 * 1024 * 1024;
export const LAW_CATALOG_REFRESH_MS = 10 * 60_000;
/** An op dated more than this after the server's clock is refused (a phone's clock may run a little fast). */
export const OP_MAX_FUTURE_MS = 24 * 3600_000;
/** An op dated more than this before its account was created is refused (a phone's clock may run a little slow). */
export const OP_CLOCK_SKEW_MS = 10 * 60_000;
/** A group with fewer participants than this is not shown in an exam ranking, so no one's score can be singled out. */
export const MIN_RANKING_GROUP = 3;
/** The most a .docx may expand to when unzipped; a larger one is refused before it is inflated further. */
export const MAX_DOCX_XML_BYTES = 40 * 1024 * 1024;
/** Photos: the phone resizes to this long side and aims under the target; the server refuses anything over the cap. */
export const PHOTO_MAX_SIDE_PX = 1600;
export const PHOTO_TARGET_BYTES = 400 * 1024;
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_PHOTOS_PER_RECORD = 9;

/** 完成本课 counts once the lesson was visible for this share of its stated minutes (told to the reader). */
export const COMPLETE_AFTER_SHARE = 1 / 3;
