import { writeClaims } from '../claims/claim-writes.js';
import { lockLocationTime } from '../claims/time-locks.js';
import { InTheWay, NotFound, Unprocessable } from '../platform/errors.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { findBlock, insertBlock, liftBlock } from './block-store.js';
import { closeCounters } from './closures.js';
import type { CallerDeps } from './for-caller.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

export type BlockRequest = {
  location: string;
  counter: string;
  start: string;
  end: string;
  reason: string;
  close?: boolean | undefined;
};

/**
 * Blocks a counter for a while; live appointments in the way are a 409 that lists them (move those first), or, with
 * `close`, are moved or cancelled as by a closure of that counter (each resident hears of it once).
 */
export async function createBlock(deps: CallerDeps, staff: Staff, request: BlockRequest) {
  if (request.close) return blockByClosure(deps, staff, request);
  const snapshot = await scopedLocation(deps, staff, request.location);
  const counter = snapshot.counters.find((c) => c.slug === request.counter);
  if (!counter)
    throw new Unprocessable('counter_not_found', { counter: request.counter }, [
      { field: 'counter', code: 'counter_not_found', params: { counter: request.counter } },
    ]);
  const start = new Date(request.start);
  const end = new Date(request.end);
  const result = await writeClaims(deps, async (writer) => {
    await lockLocationTime(writer.ex, snapshot.location.id, start, end);
    return insertBlock(writer, {
      municipalityId: snapshot.location.municipalityId,
      locationId: snapshot.location.id,
      counterId: counter.id,
      start,
      end,
      reason: request.reason.trim(),
      now: deps.clock(),
    });
  });
  if ('inTheWay' in result) throw new InTheWay('block_over_appointments', result.inTheWay);
  const zone = snapshot.location.timezone;
  return {
    id: result.id,
    kind: 'block' as const,
    location: snapshot.location.slug,
    counter: counter.slug,
    start: isoInZone(start.getTime(), zone),
    end: isoInZone(end.getTime(), zone),
    reason: request.reason.trim(),
  };
}

async function blockByClosure(deps: CallerDeps, staff: Staff, request: BlockRequest) {
  const closure = await closeCounters(deps, staff, { ...request, counters: [request.counter] });
  return {
    id: closure.blocks[0] ?? closure.id!,
    kind: 'block' as const,
    location: closure.location,
    counter: request.counter,
    start: closure.start,
    end: closure.end,
    reason: closure.reason,
    affected: closure.affected,
  };
}

/** Lifts a block of the staff member's scope; any other id is a 404. */
export async function deleteBlock(deps: StaffDeps, staff: Staff, id: string): Promise<void> {
  await writeClaims(deps, async (writer) => {
    const block = await findBlock(writer, id);
    if (!block) throw new NotFound('block_not_found');
    await scopedLocation(deps, staff, block.locationSlug).catch(() => {
      throw new NotFound('block_not_found');
    });
    await liftBlock(writer, block, deps.clock());
  });
}
