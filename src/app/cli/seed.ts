import { loadDemoData } from '../../../db/seed.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
const database = await openDatabase(databaseOptionsFrom(config));
await migrateDatabase(database);
const loaded = await loadDemoData(database.db, { staffPassword: config.DEMO_STAFF_PASSWORD });
await database.close();
console.log(loaded ? 'Demo data loaded.' : 'The database already has data: demo data not loaded.');
