// Every staff route in the OpenAPI document, for each role: no session → 401; a change without the CSRF token →
// 403; a role too low → 403; another municipality's location, appointment or account → 404 (as if it did not
// exist); the right role in scope gets through. Each request that reached a route with a session is audited.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { loginAs, type StaffClient } from '../helpers/staff.js';

type Role = 'front_office' | 'location_manager' | 'admin';
const ROLES: Role[] = ['front_office', 'location_manager', 'admin'];
const accounts: Record<Role, string> = {
  front_office: 'balie@stadswaard.demo',
  location_manager: 'beheer@stadswaard.demo',
  admin: 'admin@stadswaard.demo',
};

/** What the walk knows of each object: one in Stadswaard (the accounts' own) and one in Veenhoven. */
type Objects = {
  reference: string;
  otherReference: string;
  user: string;
  otherUser: string;
  block: string;
  otherBlock: string;
};

/**
 * Per operation: the least role, how to fill it in (own scope, or the other municipality's when `other`), and
 * whether it ends the session it is sent with. A staff route missing here fails the walk.
 */
const routes: Record<
  string,
  {
    role: Role;
    request: (o: Objects, other: boolean) => { url: string; payload?: object };
    scoped?: boolean;
    endsSession?: boolean;
    /** Makes what the request uses up (a block to lift) again before each role. */
    renew?: (o: Objects) => Promise<void>;
    /** An event stream: let through, it never ends (tests/staff/live.test.ts reads it over real HTTP). */
    stream?: boolean;
  }
> = {
  staffSession: { role: 'front_office', request: () => ({ url: '/api/v1/staff/session' }) },
  staffLogout: { role: 'front_office', request: () => ({ url: '/api/v1/staff/session' }), endsSession: true },
  staffStartSecondFactor: { role: 'front_office', request: () => ({ url: '/api/v1/staff/session/second-factor' }) },
  staffConfirmSecondFactor: {
    role: 'front_office',
    request: () => ({ url: '/api/v1/staff/session/second-factor/confirm', payload: { code: '000000' } }),
  },
  staffDay: {
    role: 'front_office',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/day?date=2026-12-01`,
    }),
  },
  staffDayEvents: {
    role: 'front_office',
    scoped: true,
    stream: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/events`,
    }),
  },
  staffSetStatus: {
    role: 'front_office',
    scoped: true,
    request: (o, other) => ({
      url: `/api/v1/staff/appointments/${other ? o.otherReference : o.reference}/status`,
      payload: { status: 'checked_in' },
    }),
  },
  staffFindAppointments: {
    role: 'front_office',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/appointments?q=Walk&location=${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}`,
    }),
  },
  staffBook: {
    role: 'front_office',
    scoped: true,
    request: (_o, other) => ({
      url: '/api/v1/staff/appointments',
      payload: {
        location: other ? 'gemeentehuis-veenhoven' : 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-02T10:00:00+01:00',
        name: 'Walk Beller',
        channel: 'phone',
      },
    }),
  },
  staffReschedule: {
    role: 'front_office',
    scoped: true,
    request: (o, other) => ({
      url: `/api/v1/staff/appointments/${other ? o.otherReference : o.reference}/reschedule`,
      payload: { start: '2026-12-03T11:00:00+01:00' },
    }),
  },
  staffCancel: {
    role: 'front_office',
    scoped: true,
    request: (o, other) => ({
      url: `/api/v1/staff/appointments/${other ? o.otherReference : o.reference}/cancel`,
      payload: { reason: 'Walk: belde af' },
    }),
  },
  staffCreateBlock: {
    role: 'front_office',
    scoped: true,
    request: (_o, other) => ({
      url: '/api/v1/staff/blocks',
      payload: {
        location: other ? 'gemeentehuis-veenhoven' : 'stadskantoor',
        counter: 'balie-2',
        start: '2026-12-04T13:00:00+01:00',
        end: '2026-12-04T14:00:00+01:00',
        reason: 'Werkoverleg',
      },
    }),
  },
  staffDeleteBlock: {
    role: 'front_office',
    scoped: true,
    request: (o, other) => ({ url: `/api/v1/staff/blocks/${other ? o.otherBlock : o.block}` }),
  },
  staffOpeningHours: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/opening-hours`,
    }),
  },
  staffSetOpeningHours: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/opening-hours?dryRun=true`,
      payload: { weekly: [{ weekday: 1, opens: '09:00', closes: '17:00' }], exceptions: [] },
    }),
  },
  staffCounters: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/counters`,
    }),
  },
  staffCreateCounter: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/counters`,
      payload: { name: 'Balie Walk', online: false },
    }),
  },
  staffChangeCounter: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/counters/balie-2`,
      payload: { stepFree: true },
    }),
  },
  staffServiceSettings: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/services`,
    }),
  },
  staffChangeServiceSettings: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: `/api/v1/staff/locations/${other ? 'gemeentehuis-veenhoven' : 'stadskantoor'}/services/paspoort`,
      payload: { horizonDays: 90 },
    }),
  },
  staffClose: {
    role: 'location_manager',
    scoped: true,
    request: (_o, other) => ({
      url: '/api/v1/staff/closures',
      payload: {
        location: other ? 'gemeentehuis-veenhoven' : 'stadskantoor',
        counters: ['balie-2'],
        start: '2026-12-07T13:00:00+01:00',
        end: '2026-12-07T17:00:00+01:00',
        reason: 'Stroomstoring',
        dryRun: true,
      },
    }),
  },
  staffListUsers: { role: 'admin', request: () => ({ url: '/api/v1/staff/users' }) },
  staffCreateUser: {
    role: 'admin',
    request: () => ({
      url: '/api/v1/staff/users',
      payload: {
        email: 'nieuw@stadswaard.demo',
        name: 'Nieuwe Collega',
        role: 'front_office',
        password: 'lang-genoeg-1',
      },
    }),
  },
  staffChangeUser: {
    role: 'admin',
    scoped: true,
    request: (o, other) => ({ url: `/api/v1/staff/users/${other ? o.otherUser : o.user}`, payload: { name: 'Sanne' } }),
  },
  staffAudit: { role: 'admin', request: () => ({ url: '/api/v1/staff/audit?from=2026-11-01&to=2026-12-31' }) },
};

const rank = (role: Role) => ROLES.indexOf(role);

async function bookFor(app: FastifyInstance, location: string, n: number): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: {
      location,
      items: [{ service: 'paspoort', persons: 1 }],
      start: `2026-12-01T${String(9 + n).padStart(2, '0')}:00:00+01:00`,
      name: `Walk Inwoner ${n}`,
      email: `walk${n}@example.nl`,
    },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().reference;
}

onEachDatabase(
  t,
  async (t, { app, clock, database }) => {
    clock.set('2026-12-01T07:00:00Z');
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, { operationId: string }>>)
      .filter(([path]) => path.startsWith('/api/v1/staff/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), id: op.operationId })),
      )
      .filter((op) => op.id !== 'staffLogin');
    t.ok(operations.length >= 10, `${operations.length} staff operations in the document`);
    for (const op of operations) t.ok(routes[op.id], `${op.method} ${op.path} (${op.id}) is walked`);

    const users = await queryRows<{ id: string; email: string }>(database.db, sql`select id, email from staff_users`);
    const objects: Objects = {
      reference: await bookFor(app, 'stadskantoor', 0),
      otherReference: await bookFor(app, 'gemeentehuis-veenhoven', 1),
      user: users.find((u) => u.email === 'balie@stadswaard.demo')!.id,
      otherUser: users.find((u) => u.email === 'balie@veenhoven.demo')!.id,
      block: '',
      otherBlock: '',
    };
    const clients = new Map<Role, StaffClient>();
    for (const role of ROLES) clients.set(role, await loginAs(app, accounts[role]));
    const veenhoven = await loginAs(app, 'balie@veenhoven.demo');
    let hour = 8;
    const newBlock = async (client: StaffClient, location: string) => {
      hour++;
      const response = await client.inject({
        method: 'POST',
        url: '/api/v1/staff/blocks',
        payload: {
          location,
          counter: 'balie-1',
          start: `2026-12-07T${String(hour).padStart(2, '0')}:00:00+01:00`,
          end: `2026-12-07T${String(hour).padStart(2, '0')}:30:00+01:00`,
          reason: 'Walk',
        },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json().id as string;
    };
    objects.block = await newBlock(clients.get('front_office')!, 'stadskantoor');
    objects.otherBlock = await newBlock(veenhoven, 'gemeentehuis-veenhoven');
    routes.staffDeleteBlock!.renew = async (o) => {
      o.block = await newBlock(clients.get('front_office')!, 'stadskantoor');
    };
    await app.deps.audit.flush();
    const auditBefore = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from staff_audit`);

    for (const op of operations) {
      const spec = routes[op.id];
      if (!spec) continue;
      t.test(`${op.method} ${op.path}`, async (t) => {
        let own = spec.request(objects, false);
        const changes = op.method !== 'GET';
        const none = await app.inject({ method: op.method as 'GET', ...own });
        t.same([none.statusCode, none.json().code], [401, 'session_required'], 'no session: 401');
        for (const role of ROLES) {
          const client = spec.endsSession ? await loginAs(app, accounts[role]) : clients.get(role)!;
          if (changes) {
            const noToken = await client.inject({ method: op.method as 'POST', ...own, csrf: false });
            t.same([noToken.statusCode, noToken.json().code], [403, 'csrf_required'], `${role}: no CSRF token → 403`);
          }
          if (rank(role) < rank(spec.role)) {
            const low = await client.inject({ method: op.method as 'POST', ...own });
            t.same([low.statusCode, low.json().code], [403, 'role_too_low'], `${role}: role too low → 403`);
            continue;
          }
          if (spec.scoped) {
            const other = await client.inject({ method: op.method as 'POST', ...spec.request(objects, true) });
            t.equal(other.statusCode, 404, `${role}: another municipality's object → 404 (${other.body.slice(0, 80)})`);
          }
          if (spec.stream) continue;
          if (spec.renew) {
            await spec.renew(objects);
            own = spec.request(objects, false);
          }
          const allowed = await client.inject({ method: op.method as 'POST', ...own });
          t.notOk(
            [401, 403, 404].includes(allowed.statusCode) || allowed.statusCode >= 500,
            `${role}: let through (${allowed.statusCode} ${allowed.body.slice(0, 80)})`,
          );
        }
      });
    }

    t.test('the walk left an audit row for every request with a session, and no personal data', async (t) => {
      await app.deps.audit.flush(); // reads are written in batches
      const [after] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from staff_audit`);
      t.ok(after!.n - auditBefore[0]!.n >= operations.length * 3, `${after!.n - auditBefore[0]!.n} rows`);
      const rows = await queryRows<{ row: string }>(
        database.db,
        sql`select row_to_json(a)::text as row from staff_audit a`,
      );
      t.notOk(
        rows.some((r) => /Walk Inwoner|walk\d@example/i.test(r.row)),
        'no name or e-mail address of a resident in the audit log',
      );
      const refused = await queryRows<{ action: string; status: number }>(
        database.db,
        sql`select action, status from staff_audit where action = 'staffListUsers' and status = 403`,
      );
      t.ok(refused.length >= 2, 'refusals are audited too');
    });
  },
  { env: { STAFF_SECOND_FACTOR_ROLES: 'none' } },
);
