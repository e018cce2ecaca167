import type { Alternative } from '../platform/errors.js';
import { escapeHtml } from '../texts/escape-html.js';
import type { Language, Texts } from '../texts/index.js';
import { spokenPeriod, spokenTime } from '../texts/spoken.js';

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
  /** What the counter arranges for the resident's needs (extra time, a step-free desk, an interpreter). */
  needs: string[];
  /** The time before a move, and the place when it moved to another location. */
  previous?: { start: Date; where?: string | undefined } | undefined;
};

/** Every web address in escaped text as a real link (the manage link, the booking page, the feedback form). */
const linked = (escaped: string) => escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** Text as HTML paragraphs: an empty line between paragraphs, a line break within one. */
const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .filter(Boolean)
    .map((para) => `<p>${linked(escapeHtml(para)).replaceAll('\n', '<br>')}</p>`)
    .join('');

/** The facts of the appointment as a description list (a screen reader says each label with its value). */
const factList = (facts: [string, string][]) =>
  `<dl>${facts
    .map(
      ([label, value]) =>
        `<dt style="font-weight: bold">${escapeHtml(label)}</dt>` +
        `<dd style="margin: 0 0 0.5em 0">${escapeHtml(value)}</dd>`,
    )
    .join('')}</dl>`;

/**
 * The words of one e-mail, as plain text and as simple HTML with the same content: the facts first (what, for how
 * many, when, where, the code, the help arranged), the link to move or cancel right after them, then the QR code,
 * what to bring, the building, and whom to call when it does not work.
 */
export function composeMessage(texts: Texts, facts: MessageFacts): { subject: string; text: string; html: string } {
  const mail = texts.mail;
  const when = spokenTime(facts.start, facts.zone, facts.language);
  const p = { name: facts.name, municipality: facts.municipality.name, when, phone: facts.municipality.phone };
  const details: [string, string][] = [
    [mail.what, facts.services.join(', ')],
    [mail.when, spokenPeriod(facts.start, facts.end, facts.zone, facts.language)],
    ...(facts.kind === 'moved' && facts.previous
      ? [[mail.previousWhen, spokenTime(facts.previous.start, facts.zone, facts.language)] as [string, string]]
      : []),
    [mail.where, facts.where],
    [mail.reference, facts.reference],
    ...(facts.needs.length ? [[mail.needs, facts.needs.join(', ')] as [string, string]] : []),
  ];
  type Block = { text: string; list?: string[]; facts?: [string, string][]; image?: { cid: string; alt: string } };
  const blocks: Block[] = [{ text: mail.intro[facts.kind](p) }];
  if (facts.kind === 'moved' && facts.previous?.where)
    blocks.push({ text: mail.previousElsewhere({ where: facts.previous.where }) });
  if (facts.reason) blocks.push({ text: mail.reason({ reason: facts.reason.trim().replace(/[.!]+$/, '') }) });
  // Facts first (what, when, where, for how many, the code, the help), then the link to change it.
  if (facts.kind !== 'feedback') blocks.push({ text: '', facts: details });
  const manages = facts.kind === 'confirmation' || facts.kind === 'moved' || facts.kind === 'reminder';
  if (manages || facts.kind === 'link')
    blocks.push({
      text:
        facts.kind === 'moved' && facts.reason
          ? mail.movedByUs({ url: facts.manageUrl })
          : mail.manage({ url: facts.manageUrl }),
    });
  if (facts.qrCid) {
    const ref = { reference: facts.reference };
    blocks.push({ text: mail.qrNote(ref), image: { cid: facts.qrCid, alt: mail.qrAlt(ref) } });
  }
  if (manages) {
    blocks.push({ text: `${mail.bring}:`, list: facts.bring });
    if (facts.accessibility.length) blocks.push({ text: `${mail.accessibility}:`, list: facts.accessibility });
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
  if (facts.kind === 'confirmation' || facts.kind === 'moved') blocks.push({ text: mail.calendarNote });
  blocks.push({ text: mail.help(p) }, { text: mail.closing(p) });

  const text = blocks
    .map((b) =>
      [
        ...(b.text ? [b.text] : []),
        ...(b.facts ?? []).map(([k, v]) => `${k}: ${v}`),
        ...(b.list ?? []).map((item) => `- ${item}`),
      ].join('\n'),
    )
    .join('\n\n');
  const html =
    `<!doctype html><html lang="${facts.language}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(mail.subject[facts.kind](p))}</title></head>` +
    `<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a">` +
    blocks
      .map(
        (b) =>
          paragraphs(b.text) +
          (b.facts ? factList(b.facts) : '') +
          (b.image
            ? `<p><img src="cid:${b.image.cid}" alt="${escapeHtml(b.image.alt)}" width="160" height="160"></p>`
            : '') +
          (b.list?.length ? `<ul>${b.list.map((i) => `<li>${linked(escapeHtml(i))}</li>`).join('')}</ul>` : ''),
      )
      .join('') +
    '</body></html>';
  return { subject: mail.subject[facts.kind](p), text, html };
}
