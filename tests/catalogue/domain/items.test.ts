import t from 'tap';
import {
  durationMinutes,
  itemProblems,
  noticeAndHorizon,
  type ServiceRule,
} from '../../../src/catalogue/domain/items.js';

const rule = (id: number, slug: string, extra: Partial<ServiceRule> = {}): ServiceRule => ({
  id,
  slug,
  minutesPerPerson: 10,
  fixedMinutes: 0,
  maxPersons: 5,
  combinableWith: [],
  minNoticeMinutes: 60,
  horizonDays: 90,
  ...extra,
});
const paspoort = rule(1, 'paspoort', { combinableWith: ['rijbewijs'] });
const rijbewijs = rule(2, 'rijbewijs', { maxPersons: 2, minNoticeMinutes: 120, horizonDays: 30 });
const huwelijk = rule(3, 'huwelijk-melden', { minutesPerPerson: 0, fixedMinutes: 30, maxPersons: 1 });

t.test('duration is Σ(minutes per person × persons + fixed minutes)', async (t) => {
  t.equal(
    durationMinutes([
      { service: paspoort, persons: 2 },
      { service: rijbewijs, persons: 1 },
    ]),
    30,
  );
  t.equal(durationMinutes([{ service: huwelijk, persons: 1 }]), 30);
  t.equal(durationMinutes([{ service: rule(4, 'x', { minutesPerPerson: 15, fixedMinutes: 30 }), persons: 3 }]), 75);
});

t.test('the strictest notice and the nearest horizon of the items apply', async (t) => {
  t.same(
    noticeAndHorizon([
      { service: paspoort, persons: 1 },
      { service: rijbewijs, persons: 1 },
    ]),
    { minNoticeMinutes: 120, horizonDays: 30 },
  );
});

t.test('items that break a rule are named by field', async (t) => {
  t.same(
    itemProblems([
      { service: paspoort, persons: 2 },
      { service: rijbewijs, persons: 1 },
    ]),
    [],
    'one side listing the other is enough',
  );
  t.same(
    itemProblems([{ service: rijbewijs, persons: 3 }]).map((p) => [p.field, p.code]),
    [['items.0.persons', 'too_many_persons']],
  );
  t.same(
    itemProblems([
      { service: paspoort, persons: 1 },
      { service: huwelijk, persons: 1 },
    ]).map((p) => [p.field, p.code]),
    [['items.1.service', 'not_combinable']],
  );
  t.same(
    itemProblems([
      { service: paspoort, persons: 1 },
      { service: paspoort, persons: 2 },
    ]).map((p) => [p.field, p.code]),
    [['items.1.service', 'service_twice']],
  );
});
