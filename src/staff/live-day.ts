import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { dateInZone, isoInZone } from '../platform/time/zoned-time.js';
import { SESSION_COOKIE } from './access.js';
import { currentStaff, type Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

/** Changes that follow each other this closely go out as one event (a write is heard itself and by the feed). */
const COALESCE_MS = 100;
const HEARTBEAT_MS = 25_000;

/** The open streams of one app, so that a closing server can end them (a stream would keep it open). */
export type OpenStreams = Set<() => void>;

/**
 * A location's changes as server-sent events for the open day views: within a second of any change to its
 * appointments or blocks (a colleague, a resident online, another server process through the change feed), `event:
 * change` with the time it touched; the page then reads the day again. Every 25 s a comment keeps proxies from
 * closing the stream, and the session is checked: once it is over, `event: session-ended` and the stream ends.
 */
export function streamLocationChanges(
  deps: StaffDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  snapshot: LocationSnapshot,
  staff: Staff,
  open: OpenStreams,
) {
  const zone = snapshot.location.timezone;
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    // When the stream ends the connection goes too: a closing server does not wait for it to idle out.
    connection: 'close',
  });
  raw.write('retry: 2000\n: connected\n\n');
  let pending: { start: number; end: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    timer = undefined;
    if (!pending) return;
    const data = {
      location: snapshot.location.slug,
      date: dateInZone(pending.start, zone),
      start: isoInZone(pending.start, zone),
      end: isoInZone(pending.end, zone),
    };
    pending = undefined;
    raw.write(`event: change\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const stop = deps.changes.listen((change) => {
    if (change.kind === 'claims' && change.locationId !== snapshot.location.id) return;
    const span = change.kind === 'claims' ? change : { start: deps.clock().getTime(), end: deps.clock().getTime() };
    pending = pending
      ? { start: Math.min(pending.start, span.start), end: Math.max(pending.end, span.end) }
      : { start: span.start, end: span.end };
    timer ??= setTimeout(send, COALESCE_MS);
  });
  const token = request.cookies[SESSION_COOKIE] ?? '';
  const heartbeat = setInterval(() => {
    currentStaff(deps, token).then(
      (still) => {
        if (still?.user.id === staff.user.id) raw.write(': keep-alive\n\n');
        else end('session-ended');
      },
      () => raw.write(': keep-alive\n\n'),
    );
  }, HEARTBEAT_MS);
  const end = (event?: string) => {
    if (event) raw.write(`event: ${event}\ndata: {}\n\n`);
    cleanUp();
    raw.end();
  };
  const cleanUp = () => {
    stop();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
    open.delete(end);
  };
  open.add(end);
  raw.on('close', cleanUp);
}
