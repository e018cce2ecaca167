import type { FieldError } from '../../platform/errors.js';

export type ServiceRule = {
  id: number;
  slug: string;
  minutesPerPerson: number;
  fixedMinutes: number;
  maxPersons: number;
  combinableWith: string[];
  minNoticeMinutes: number;
  horizonDays: number;
};
export type Item = { service: ServiceRule; persons: number };

/** DESIGN invariant 2: Σ(minutes per person × persons + fixed minutes). The widget shows the same sum. */
export function durationMinutes(
  items: { service: Pick<ServiceRule, 'minutesPerPerson' | 'fixedMinutes'>; persons: number }[],
): number {
  return items.reduce(
    (sum, { service, persons }) => sum + service.minutesPerPerson * persons + service.fixedMinutes,
    0,
  );
}

/** The strictest notice and the nearest horizon of the items. */
export function noticeAndHorizon(items: Item[]): { minNoticeMinutes: number; horizonDays: number } {
  return {
    minNoticeMinutes: Math.max(...items.map((i) => i.service.minNoticeMinutes)),
    horizonDays: Math.min(...items.map((i) => i.service.horizonDays)),
  };
}

/** Whether two services may be arranged in one appointment: either may list the other. */
export function combinable(
  a: Pick<ServiceRule, 'slug' | 'combinableWith'>,
  b: Pick<ServiceRule, 'slug' | 'combinableWith'>,
): boolean {
  return a.combinableWith.includes(b.slug) || b.combinableWith.includes(a.slug);
}

/** Persons within each service's maximum, each service once, and every pair combinable (either may list the other). */
export function itemProblems(items: Item[]): FieldError[] {
  const problems: FieldError[] = [];
  items.forEach(({ service, persons }, index) => {
    if (persons > service.maxPersons) {
      problems.push({
        field: `items.${index}.persons`,
        code: 'too_many_persons',
        params: { service: service.slug, max: service.maxPersons },
      });
    }
    if (items.findIndex((other) => other.service.id === service.id) !== index) {
      problems.push({ field: `items.${index}.service`, code: 'service_twice', params: { service: service.slug } });
    }
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!.service;
      const b = items[j]!.service;
      if (a.id !== b.id && !combinable(a, b)) {
        problems.push({
          field: `items.${j}.service`,
          code: 'not_combinable',
          params: { service: b.slug, other: a.slug },
        });
      }
    }
  }
  return problems;
}
