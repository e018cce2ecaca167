import { loadDemoData } from '../../../db/seed.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { loadConfig } from '../config.js';

const database = await openDatabase(databaseOptionsFrom(loadConfig()));
await migrateDatabase(database);
const loaded = await loadDemoData(database.db);
await database.close();
console.log(loaded ? 'Demo data loaded.' : 'The database already has data: demo data not loaded.');
