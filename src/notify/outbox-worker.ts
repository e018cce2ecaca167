import QRCode from 'qrcode';
import { findAlternatives } from '../availability/alternatives.js';
import { findById } from '../booking/appointment-store.js';
import { bookPageUrl, manageUrl } from '../booking/appointment-view.js';
import { addressLine, bringList, itemLines, itemsOf } from '../booking/appointment-words.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import { calendarEvent } from '../booking/calendar-event.js';
import { calendarFile } from '../booking/calendar-file.js';
import { queueFollowUps } from '../booking/follow-ups.js';
import { deriveToken } from '../booking/manage-tokens.js';
import { safeMessage } from '../platform/logging.js';
import { claimMessages, markFailed, markSent, type OutboxRow } from '../platform/outbox-store.js';
import { textsFor } from '../texts/index.js';
import { composeMessage } from './compose-message.js';
import type { Mail, Mailer } from './mailer.js';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;

/** Waits 1, 2, 4 … minutes between attempts, at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(60, 2 ** (attempts - 1)) * 60_000;

/** The e-mail for one outbox row, from the appointment as it is now; undefined when it no longer applies. */
async function mailFor(deps: BookingDeps, row: OutboxRow): Promise<Mail | undefined> {
  const appointment = await findById(deps.db, row.appointmentId);
  if (!appointment?.email || !appointment.manageNonce) return undefined;
  const gone = appointment.status === 'cancelled' || appointment.status === 'no_show';
  if ((row.kind === 'reminder' || row.kind === 'feedback') && gone) return undefined;
  if (row.kind === 'reminder' && appointment.startsAt <= deps.clock()) return undefined;
  const snapshot = await deps.locations.require(appointment.locationSlug);
  const language = appointment.language;
  const texts = textsFor(language);
  const token = deriveToken(deps.secretKey, appointment.manageNonce);
  const { location, municipality } = snapshot;
  // The reference as a QR code, scanned at the counter to check in (staff page's find box).
  const withQr = row.kind === 'confirmation' || row.kind === 'moved' || row.kind === 'reminder';
  const qrCid = `reference-${row.id}@balie`;
  const previous = row.details?.previous;
  const previousPlace =
    previous && previous.location !== location.slug ? await deps.locations.get(previous.location) : undefined;
  const words = composeMessage(texts, {
    ...(row.details?.reason && { reason: row.details.reason[language] }),
    ...(previous && {
      previous: { start: new Date(previous.start), where: previousPlace && addressLine(previousPlace.location) },
    }),
    ...(withQr && { qrCid }),
    kind: row.kind,
    language,
    name: appointment.name!,
    municipality: { name: municipality.name, phone: municipality.phone, website: municipality.websiteUrl },
    reference: appointment.reference!,
    services: itemLines(appointment.items, language),
    needs: [
      appointment.needs?.extraTime && texts.mail.needExtraTime,
      appointment.needs?.stepFree && texts.mail.needStepFree,
      appointment.needs?.interpreter && texts.mail.needInterpreter({ language: appointment.needs.interpreter }),
    ].filter((need): need is string => !!need),
    start: appointment.startsAt,
    end: appointment.endsAt,
    zone: location.timezone,
    where: addressLine(location),
    bring: bringList(appointment.items, language),
    accessibility: location.accessibility.map((code) => texts.accessibility[code] ?? code),
    manageUrl: manageUrl(deps, { reference: appointment.reference!, municipality: municipality.slug, language }, token),
    bookUrl: bookPageUrl(deps, { municipality: municipality.slug, language, service: appointment.items[0]?.slug }),
    alternatives:
      row.kind === 'cancelled'
        ? [
            ...(await findAlternatives(
              deps,
              snapshot,
              itemsOf(appointment, snapshot),
              appointment.needs ?? undefined,
              appointment.startsAt.getTime(),
            )),
          ]
            .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
            .map((a) => ({
              ...a,
              where: snapshot.locationNames.get(a.location) ?? a.location,
              url: bookPageUrl(deps, {
                municipality: municipality.slug,
                language,
                service: appointment.items[0]?.slug,
                location: a.location,
              }),
            }))
        : [],
  });
  const withCalendar = row.kind === 'confirmation' || row.kind === 'moved' || row.kind === 'cancelled';
  const method = row.kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return {
    messageId: `<${row.id}@${new URL(deps.config.PUBLIC_BASE_URL).hostname}>`,
    from: { name: `Gemeente ${municipality.name}`, address: municipality.emailFrom },
    to: { name: appointment.name!, address: appointment.email },
    language,
    ...words,
    ...(withQr && {
      images: [
        {
          cid: qrCid,
          filename: `${appointment.reference}.png`,
          content: await QRCode.toBuffer(appointment.reference!, { type: 'png', margin: 1, width: 240 }),
        },
      ],
    }),
    ...(withCalendar && {
      calendar: {
        method,
        content: calendarFile({
          ...calendarEvent(deps, appointment, snapshot, texts, method),
          sequence: row.sequence,
        }),
      },
    }),
  };
}

/**
 * One pass: claims due messages, sends each, marks it sent, or schedules a retry with backoff and finally
 * `failed`. Safe with several workers (SKIP LOCKED) and after a crash (the claim is a lease). Returns how many
 * messages were handled.
 */
export async function processOutbox(
  deps: BookingDeps,
  mailer: Mailer,
  options: { limit?: number; log?: { warn: (o: object, m: string) => void } } = {},
): Promise<number> {
  const rows = await claimMessages(deps.db, deps.clock(), options.limit ?? 20, LEASE_MS);
  for (const row of rows) {
    try {
      if (row.kind === 'confirmation' || row.kind === 'moved') await queueFollowUps(deps.db, deps, row);
      const mail = await mailFor(deps, row);
      if (mail) await mailer.send(mail);
      await markSent(deps.db, row.id, deps.clock(), mail ? null : 'not needed any more');
    } catch (error) {
      const outcome = await markFailed(
        deps.db,
        row,
        safeMessage(error instanceof Error ? error.message : String(error)),
        new Date(deps.clock().getTime() + retryDelayMs(row.attempts)),
        MAX_ATTEMPTS,
      );
      options.log?.warn({ messageId: row.id, attempts: row.attempts, outcome }, 'mail not sent');
    }
  }
  return rows.length;
}

/** Runs passes every `everyMs` (and straight again while there is work) until the returned function is called. */
export function startOutboxWorker(
  deps: BookingDeps,
  mailer: Mailer,
  log: { warn: (o: object, m: string) => void; error: (o: object, m: string) => void },
  everyMs = 1000,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      try {
        const handled = await processOutbox(deps, mailer, { log });
        if (handled > 0) continue;
      } catch (error) {
        log.error({ err: error }, 'outbox pass failed');
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs).unref());
    }
  };
  running = loop();
  return async () => {
    stopped = true;
    await running;
  };
}
