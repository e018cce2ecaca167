// npm run staff:create -- --email a@b.nl --role admin --municipality stadswaard [--name "…"] [--locations a,b]
// Makes a staff account (the first admin of a new installation); the password is read from STAFF_PASSWORD, or
// typed when asked (never an argument: it would stay in the shell's history). Admins make the rest in the API.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { municipalities } from '../../../db/schema.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/passwords.js';
import { ROLES, type Role } from '../../staff/domain/roles.js';
import { insertUser } from '../../staff/user-store.js';
import { loadConfig } from '../config.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    municipality: { type: 'string' },
    name: { type: 'string' },
    locations: { type: 'string' },
  },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(64); // EX_USAGE
};
if (!values.email?.includes('@')) fail('Give the e-mail address: --email someone@gemeente.nl');
if (!ROLES.includes(values.role as Role)) fail(`Give the role: --role ${ROLES.join(' | ')}`);
if (!values.municipality) fail('Give the municipality: --municipality <slug>');

let password = process.env.STAFF_PASSWORD ?? '';
if (!password) {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  password = (await prompt.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `)).trim();
  prompt.close();
}
if (password.length < MIN_PASSWORD_LENGTH) fail(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);

const database = await openDatabase(databaseOptionsFrom(loadConfig()));
await migrateDatabase(database);
const [municipality] = await database.db
  .select({ id: municipalities.id })
  .from(municipalities)
  .where(eq(municipalities.slug, values.municipality!));
if (!municipality) {
  await database.close();
  fail(`There is no municipality "${values.municipality}".`);
}
const id = await insertUser(database.db, {
  municipalityId: municipality!.id,
  email: values.email!,
  name: values.name ?? values.email!,
  role: values.role as Role,
  locations: values.locations ? values.locations.split(',').map((l) => l.trim()) : [],
  passwordHash: await hashPassword(password),
  now: new Date(),
});
await database.close();
if (!id) fail(`There is an account for ${values.email} already.`);
console.log(JSON.stringify({ created: id, email: values.email!.toLowerCase(), role: values.role }));
