// npm run retention: erases the personal data whose retention period is over, now, and prunes the .eml mailbox;
// the server's housekeeping does the same every minute. Prints what it did as one JSON line.
import { eraseDuePersonalData } from '../../booking/retention.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { loadConfig } from '../config.js';
import { pruneOldMailFiles } from '../jobs.js';

const config = loadConfig();
const database = await openDatabase(databaseOptionsFrom(config));
await migrateDatabase(database);
const now = new Date();
const erased = await eraseDuePersonalData({ db: database.db, clock: () => now });
const mailFilesPruned = pruneOldMailFiles(config, now);
await database.close();
console.log(JSON.stringify({ ...erased, mailFilesPruned }));
