import 'server-only';
import { registerFileAccess } from '../files';
import { canSeeActivity } from './access';

/** An activity's photos are readable by whoever may see the activity. */
registerFileAccess('activity', (db, reader, activityId) => canSeeActivity(db, reader, activityId));
