import 'server-only';
import './activity/file-access';
import './consult/file-access';

/**
 * Loads every feature's file-access rule (each module calls registerFileAccess for its owner kind). A feature
 * whose records own files adds its one import here; an owner kind without a rule is readable by no one but the
 * uploader.
 */
export {};
