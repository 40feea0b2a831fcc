import { osloTimeZone } from '../shared/oslo-time.ts';

// Building an Intl.DateTimeFormat is costly (locale data); one formatter serves every receipt.
const osloFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: osloTimeZone,
  dateStyle: 'long',
  timeStyle: 'short',
});

function osloTime(at: Date): string {
  return osloFormat.format(at);
}

/** Receipt email: Norwegian first, English after, with the receipt code and a copy of the answers. */
export function receiptEmail(input: {
  roundTitle: string;
  receiptCode: string;
  submittedAt: Date;
  isLate: boolean;
  link: string | undefined;
  answers: { question: string; answer: string }[];
}) {
  const copy = input.answers
    .map((item, index) => `${index + 1}. ${item.question}\n${item.answer || '—'}`)
    .join('\n\n');
  const lines = [
    `Takk for innspillet ditt til «${input.roundTitle}».`,
    '',
    `Kvitteringskode: ${input.receiptCode}`,
    `Sendt: ${osloTime(input.submittedAt)}${input.isLate ? ' (etter fristen)' : ''}`,
    ...(input.link ? ['', `Du kan endre eller trekke tilbake svaret fram til fristen: ${input.link}`] : []),
    '',
    '— Thank you for your input. Receipt code above; a copy of your answers follows.',
    '',
    'Dine svar / Your answers:',
    '',
    copy,
  ];
  return {
    subject: `Kvittering / Receipt ${input.receiptCode}: ${input.roundTitle}`,
    text: lines.join('\n'),
  };
}

/** Invitation (or reminder) with the actor's personal link. */
export function invitationEmail(input: {
  roundTitle: string;
  actorName: string;
  deadline: Date;
  link: string;
  isReminder: boolean;
}) {
  const lines = [
    input.isReminder
      ? `Påminnelse: ${input.actorName} har ikke svart på «${input.roundTitle}» ennå.`
      : `${input.actorName} er invitert til å gi innspill i «${input.roundTitle}».`,
    '',
    `Frist: ${osloTime(input.deadline)}`,
    '',
    `Svar her (lenken er personlig for ${input.actorName}; du kan lagre et utkast og komme tilbake):`,
    input.link,
    ...(input.isReminder
      ? ['', 'Denne lenken erstatter lenken i tidligere e-post. Et lagret utkast er tatt vare på.']
      : []),
    '',
    `— ${input.actorName} is invited to give input to "${input.roundTitle}". Deadline above. Answer through the personal link above.`,
  ];
  return {
    subject: `${input.isReminder ? 'Påminnelse / Reminder' : 'Invitasjon / Invitation'}: ${input.roundTitle}`,
    text: lines.join('\n'),
  };
}
