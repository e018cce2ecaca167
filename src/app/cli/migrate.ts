import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { loadConfig } from '../config.js';

const database = await openDatabase(databaseOptionsFrom(loadConfig()));
await migrateDatabase(database);
await database.close();
console.log(`Migrations are up to date (${database.kind}).`);
