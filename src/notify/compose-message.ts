import { DateTime } from 'luxon';
import type { Alternative } from '../platform/errors.js';
import { escapeHtml } from '../texts/escape-html.js';
import type { Language, Texts } from '../texts/index.js';

export type MessageKind = 'confirmation' | 'moved' | 'cancelled' | 'reminder' | 'feedback' | 'link';

export type MessageFacts = {
  kind: MessageKind;
  language: Language;
  name: string;
  municipality: { name: string; phone: string; website: string };
  reference: string;
  services: string[];
  start: Date;
  end: Date;
  zone: string;
  where: string;
  bring: string[];
  accessibility: string[];
  /** The content id of the attached QR code of the reference, where the e-mail carries one. */
  qrCid?: string | undefined;
  manageUrl: string;
  bookUrl: string;
  /** Free times instead of a cancelled one, in time order: where, and the booking page that offers them. */
  alternatives: (Omit<Alternative, 'location'> & { where: string; url: string })[];
  /** Why the municipality moved or cancelled it (a closure), in the resident's language. */
  reason?: string | undefined;
  /** The time before a move, and the place when it moved to another location. */
  previous?: { start: Date; where?: string | undefined } | undefined;
};

/** "dinsdag 1 december 2026 om 10:00" / "Tuesday 1 December 2026 at 10:00" in the location's zone. */
export function spokenTime(t: Date, zone: string, language: Language): string {
  const local = DateTime.fromJSDate(t, { zone }).setLocale(language);
  return local.toFormat(language === 'nl' ? "cccc d LLLL yyyy 'om' HH:mm" : "cccc d LLLL yyyy 'at' HH:mm");
}

/** Every web address in escaped text as a real link (the manage link, the booking page, the feedback form). */
const linked = (escaped: string) => escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * The words of one e-mail, as plain text and as simple HTML with the same content: what, when, where, the
 * reference, what to bring, how to move or cancel, and whom to call when it does not work.
 */
export function composeMessage(texts: Texts, facts: MessageFacts): { subject: string; text: string; html: string } {
  const mail = texts.mail;
  const when = spokenTime(facts.start, facts.zone, facts.language);
  const p = { name: facts.name, municipality: facts.municipality.name, when, phone: facts.municipality.phone };
  const details: [string, string][] = [
    [mail.what, facts.services.join(', ')],
    [mail.when, `${when}–${DateTime.fromJSDate(facts.end, { zone: facts.zone }).toFormat('HH:mm')}`],
    [mail.where, facts.where],
    [mail.reference, facts.reference],
  ];
  const blocks: { text: string; list?: string[]; image?: { cid: string; alt: string } }[] = [
    { text: mail.intro[facts.kind](p) },
  ];
  if (facts.kind === 'moved' && facts.previous) {
    const when = spokenTime(facts.previous.start, facts.zone, facts.language);
    const where = facts.previous.where;
    blocks.push({ text: where ? mail.previousElsewhere({ when, where }) : mail.previous({ when }) });
  }
  if (facts.reason) blocks.push({ text: mail.reason({ reason: facts.reason.trim().replace(/[.!]+$/, '') }) });
  if (facts.kind === 'moved' && facts.reason) blocks.push({ text: mail.movedByUs });
  if (facts.kind !== 'feedback') blocks.push({ text: details.map(([k, v]) => `${k}: ${v}`).join('\n') });
  if (facts.qrCid) {
    const ref = { reference: facts.reference };
    blocks.push({ text: mail.qrNote(ref), image: { cid: facts.qrCid, alt: mail.qrAlt(ref) } });
  }
  if (facts.kind === 'confirmation' || facts.kind === 'moved' || facts.kind === 'reminder') {
    blocks.push({ text: `${mail.bring}:`, list: facts.bring });
    if (facts.accessibility.length) blocks.push({ text: `${mail.accessibility}:`, list: facts.accessibility });
    blocks.push({ text: mail.manage({ url: facts.manageUrl }) });
  }
  if (facts.kind === 'cancelled') {
    if (facts.alternatives.length) {
      blocks.push({
        text: mail.alternatives,
        list: facts.alternatives.map(
          (a) => `${spokenTime(new Date(a.start), facts.zone, facts.language)}, ${a.where}: ${a.url}`,
        ),
      });
    }
    blocks.push({ text: mail.bookAgain({ url: facts.bookUrl }) });
  }
  if (facts.kind === 'feedback') blocks.push({ text: mail.feedbackLink({ url: facts.manageUrl }) });
  if (facts.kind === 'link') blocks.push({ text: mail.manage({ url: facts.manageUrl }) });
  if (facts.kind === 'confirmation' || facts.kind === 'moved') blocks.push({ text: mail.calendarNote });
  blocks.push({ text: mail.help(p) }, { text: mail.closing(p) });

  const text = blocks.map((b) => [b.text, ...(b.list ?? []).map((item) => `- ${item}`)].join('\n')).join('\n\n');
  const html =
    `<!doctype html><html lang="${facts.language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(mail.subject[facts.kind](p))}</title></head>` +
    `<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a">` +
    blocks
      .map(
        (b) =>
          `<p>${linked(escapeHtml(b.text)).replaceAll('\n', '<br>')}</p>` +
          (b.image
            ? `<p><img src="cid:${b.image.cid}" alt="${escapeHtml(b.image.alt)}" width="160" height="160"></p>`
            : '') +
          (b.list?.length ? `<ul>${b.list.map((i) => `<li>${linked(escapeHtml(i))}</li>`).join('')}</ul>` : ''),
      )
      .join('') +
    '</body></html>';
  return { subject: mail.subject[facts.kind](p), text, html };
}
