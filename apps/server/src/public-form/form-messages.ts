/**
 * Texts of the plain (no-JavaScript) respondent pages, in bokmål and English. They mirror the web
 * app's `rounds.messages.ts` (the server may not import the web app), so keep the wording in step.
 */
export type FormLocale = 'nb' | 'en';

const nb = {
  'site.name': 'Innspill',
  skip: 'Hopp til hovedinnholdet',
  'language.nav': 'Språk',
  'language.other': 'English',
  'plain.intro': 'Dette er den enkle versjonen av skjemaet. Den virker uten JavaScript.',
  deadline: 'Frist: {deadline} (norsk tid)',
  howUsed: 'Hvordan svarene brukes',
  questions: 'Spørsmål',
  closed: 'Runden er stengt og tar ikke imot flere svar.',
  notOpen: 'Runden er ikke åpnet ennå.',
  invitationOnly: 'Denne runden er bare for inviterte. Bruk lenken i invitasjonen.',
  late: 'Fristen er passert. Svaret blir tatt imot, men merket som for sent.',
  required: '(må fylles ut)',
  about: 'Om deg',
  name: 'Navn',
  email: 'E-post',
  emailHint: 'Vi sender kvittering og en kopi av svarene hit.',
  organisation: 'Organisasjon',
  actorType: 'Type aktør',
  choose: 'Velg',
  consent: 'Publisering',
  'consent.yes': 'Ja, svaret kan publiseres',
  'consent.no': 'Nei, svaret skal ikke publiseres',
  attachments: 'Vedlegg',
  attachHint: 'PDF, DOCX, ODT eller TXT, høyst {max} MB per fil. Filtypen sjekkes ut fra innholdet.',
  attachAfterSave: 'Du kan legge ved filer når du har lagret et utkast.',
  attachChoose: 'Velg fil',
  attach: 'Legg ved fil',
  attachmentsNone: 'Ingen vedlegg ennå.',
  removeAttachment: 'Fjern {name}',
  'extraction.pending': 'leses inn',
  'extraction.done': 'lest inn',
  'extraction.failed': 'teksten kunne ikke leses, men filen er tatt vare på',
  saveDraft: 'Lagre utkast',
  submit: 'Send inn',
  update: 'Lagre endringer',
  withdraw: 'Trekk tilbake svaret',
  withdrawConfirmTitle: 'Vil du trekke tilbake svaret?',
  withdrawConfirmText: 'Svaret blir ikke tatt med i arbeidet. Du kan ikke angre dette.',
  withdrawConfirm: 'Ja, trekk tilbake svaret',
  cancel: 'Nei, gå tilbake',
  draftSaved: 'Utkastet er lagret. Ta vare på lenken til denne siden for å fortsette senere.',
  changesSaved: 'Endringene er lagret.',
  attachmentAdded: 'Filen er lagt ved.',
  attachmentRemoved: 'Vedlegget er fjernet.',
  linkLabel: 'Din personlige lenke',
  linkHint: 'Lenken gir tilgang til svaret ditt. Ikke del den med andre.',
  receiptTitle: 'Takk for innspillet!',
  receiptCode: 'Kvitteringskode',
  receiptSentAt: 'Sendt {at}',
  receiptLate: 'Svaret kom etter fristen og er merket som for sent.',
  receiptRepeat: 'Svaret var allerede mottatt. Dette er kvitteringen for det.',
  receiptLocked: 'Fristen er passert, så svaret kan ikke lenger endres. Dette er svaret som ble sendt inn.',
  copy: 'Kopi av svarene dine',
  canEditUntil: 'Du kan endre eller trekke tilbake svaret fram til fristen.',
  editAnswers: 'Endre svaret',
  withdrawn: 'Svaret er trukket tilbake.',
  invitedAs: 'Du svarer på vegne av {name}.',
  noAnswer: '(ikke besvart)',
  'scale.hint': '1 = svært lite, 5 = svært mye',
  'number.hint': 'Skriv et tall, for eksempel 12 eller 3,5.',
  'multiple.hint': 'Du kan velge flere.',
  answerAs: 'Svar',
  startAnswer: 'Svar på runden',
  errorPrefix: 'Feil:',
  errorSummary: 'Dette må rettes',
  'error.requiredMissing': 'Svar på alle obligatoriske spørsmål før du sender inn.',
  'error.invalid': 'Noen av svarene må rettes før de kan lagres.',
  'error.roundClosed': 'Fristen er passert, og runden tar ikke imot flere svar eller endringer.',
  'error.roundNotOpen': 'Runden er ikke åpnet ennå.',
  'error.withdrawn': 'Svaret er trukket tilbake. Start et nytt svar hvis du vil svare igjen.',
  'error.notSubmitted': 'Svaret er ikke sendt inn.',
  'error.repeatWithoutLink':
    'Dette skjemaet er allerede lagret som et utkast, men lenken til utkastet kan ikke vises her. Har du lenken, bruk den; ellers send skjemaet på nytt for å starte et nytt svar.',
  'error.invalidLink': 'Lenken er ikke gyldig. Sjekk at du kopierte hele lenken fra e-posten.',
  'error.roundNotFound': 'Fant ikke denne innspillsrunden.',
  'error.fileType': 'Filen er ikke en PDF, DOCX, ODT eller TXT (filtypen sjekkes ut fra innholdet).',
  'error.fileEmpty': 'Filen er tom. Velg en fil med innhold.',
  'error.fileTooLarge': 'Filen er større enn {max} MB.',
  'error.noFileChosen':
    'Ingen fil er valgt. Velg en fil og trykk «Legg ved fil» igjen. Det du har skrevet, er lagret.',
  'error.unsafeFile': 'Filen kan ikke åpnes trygt. Den kan være skadet eller pakke ut til altfor mye data.',
  'error.tooManyFiles': 'Du har lagt ved så mange filer som er tillatt.',
  'error.attachmentNotFound': 'Fant ikke vedlegget.',
  'error.rateLimited': 'For mange forespørsler på kort tid. Vent litt og prøv igjen.',
  'error.required': 'Du må svare på dette spørsmålet.',
  'error.tooLong': 'Svaret er for langt (høyst {max} tegn).',
  'error.chooseOne': 'Velg ett av alternativene.',
  'error.chooseAmong': 'Velg blant alternativene.',
  'error.scale': 'Velg en verdi fra 1 til 5.',
  'error.number': 'Skriv inn et tall.',
  'error.email': 'Dette er ikke en gyldig e-postadresse.',
  'error.field': 'Sjekk dette feltet.',
  'error.contentType':
    'Skjemaet må sendes som et vanlig nettskjema (application/x-www-form-urlencoded eller multipart/form-data).',
  'error.forbidden': 'Skjemaet kom ikke fra denne nettsiden. Last inn siden på nytt og prøv igjen.',
  'error.tooLarge': 'Forespørselen er for stor.',
  'error.generic': 'Noe gikk galt hos oss. Prøv igjen senere.',
  'error.badRequest': 'Forespørselen er ikke gyldig.',
  'error.title': 'Noe gikk galt',
  backToForm: 'Tilbake til skjemaet',
} as const;

export type MessageKey = keyof typeof nb;

const en: Record<MessageKey, string> = {
  'site.name': 'Innspill',
  skip: 'Skip to main content',
  'language.nav': 'Language',
  'language.other': 'Norsk (bokmål)',
  'plain.intro': 'This is the simple version of the form. It works without JavaScript.',
  deadline: 'Deadline: {deadline} (Norwegian time)',
  howUsed: 'How the answers are used',
  questions: 'Questions',
  closed: 'The round is closed and accepts no more answers.',
  notOpen: 'The round has not opened yet.',
  invitationOnly: 'This round is for invited actors only. Use the link in your invitation.',
  late: 'The deadline has passed. Your answer is accepted but marked as late.',
  required: '(required)',
  about: 'About you',
  name: 'Name',
  email: 'Email',
  emailHint: 'We send a receipt and a copy of your answers here.',
  organisation: 'Organisation',
  actorType: 'Kind of actor',
  choose: 'Choose',
  consent: 'Publication',
  'consent.yes': 'Yes, my answer may be published',
  'consent.no': 'No, my answer must not be published',
  attachments: 'Attachments',
  attachHint: 'PDF, DOCX, ODT or TXT, at most {max} MB per file. The type is checked by content.',
  attachAfterSave: 'You can attach files once you have saved a draft.',
  attachChoose: 'Choose a file',
  attach: 'Attach file',
  attachmentsNone: 'No attachments yet.',
  removeAttachment: 'Remove {name}',
  'extraction.pending': 'being read',
  'extraction.done': 'read',
  'extraction.failed': 'the text could not be read, but the file is kept',
  saveDraft: 'Save draft',
  submit: 'Submit',
  update: 'Save changes',
  withdraw: 'Withdraw my answer',
  withdrawConfirmTitle: 'Do you want to withdraw your answer?',
  withdrawConfirmText: 'Your answer will not be used. This cannot be undone.',
  withdrawConfirm: 'Yes, withdraw my answer',
  cancel: 'No, go back',
  draftSaved: 'Your draft is saved. Keep the link to this page to continue later.',
  changesSaved: 'Your changes are saved.',
  attachmentAdded: 'The file is attached.',
  attachmentRemoved: 'The attachment is removed.',
  linkLabel: 'Your personal link',
  linkHint: 'The link gives access to your answer. Do not share it.',
  receiptTitle: 'Thank you for your input!',
  receiptCode: 'Receipt code',
  receiptSentAt: 'Sent {at}',
  receiptLate: 'Your answer arrived after the deadline and is marked as late.',
  receiptRepeat: 'Your answer had already been received. This is its receipt.',
  receiptLocked:
    'The deadline has passed, so the answer can no longer be changed. This is the answer that was sent.',
  copy: 'A copy of your answers',
  canEditUntil: 'You can change or withdraw your answer until the deadline.',
  editAnswers: 'Change my answer',
  withdrawn: 'Your answer has been withdrawn.',
  invitedAs: 'You answer on behalf of {name}.',
  noAnswer: '(not answered)',
  'scale.hint': '1 = very little, 5 = very much',
  'number.hint': 'Enter a number, for example 12 or 3.5.',
  'multiple.hint': 'You can choose several.',
  answerAs: 'Answer',
  startAnswer: 'Answer the round',
  errorPrefix: 'Error:',
  errorSummary: 'There is a problem',
  'error.requiredMissing': 'Answer every required question before you submit.',
  'error.invalid': 'Some answers need correcting before they can be saved.',
  'error.roundClosed': 'The deadline has passed: the round accepts no more answers or changes.',
  'error.roundNotOpen': 'The round has not opened yet.',
  'error.withdrawn': 'Your answer has been withdrawn. Start a new answer if you want to answer again.',
  'error.notSubmitted': 'Your answer has not been submitted.',
  'error.repeatWithoutLink':
    'This form has already been saved as a draft, but the draft’s link cannot be shown here. If you have the link, use it; otherwise send the form again to start a new answer.',
  'error.invalidLink': 'This link is not valid. Check that you copied the whole link from the email.',
  'error.roundNotFound': 'This input round was not found.',
  'error.fileType': 'The file is not a PDF, DOCX, ODT or TXT file (the type is checked by content).',
  'error.fileEmpty': 'The file is empty. Choose a file with content.',
  'error.fileTooLarge': 'The file is larger than {max} MB.',
  'error.noFileChosen':
    'No file is chosen. Choose a file and press “Attach file” again. What you wrote has been saved.',
  'error.unsafeFile': 'The file cannot be opened safely. It may be damaged or unpack to far too much data.',
  'error.tooManyFiles': 'You have attached as many files as allowed.',
  'error.attachmentNotFound': 'The attachment was not found.',
  'error.rateLimited': 'Too many requests in a short time. Wait a little and try again.',
  'error.required': 'You must answer this question.',
  'error.tooLong': 'The answer is too long (at most {max} characters).',
  'error.chooseOne': 'Choose one of the options.',
  'error.chooseAmong': 'Choose among the options.',
  'error.scale': 'Choose a value from 1 to 5.',
  'error.number': 'Enter a number.',
  'error.email': 'This is not a valid email address.',
  'error.field': 'Check this field.',
  'error.contentType':
    'The form must be sent as an ordinary web form (application/x-www-form-urlencoded or multipart/form-data).',
  'error.forbidden': 'The form did not come from this site. Reload the page and try again.',
  'error.tooLarge': 'The request is too large.',
  'error.generic': 'Something went wrong on our side. Try again later.',
  'error.badRequest': 'The request is not valid.',
  'error.title': 'Something went wrong',
  backToForm: 'Back to the form',
};

const actorTypeNames: Record<FormLocale, Record<string, string>> = {
  nb: {
    universitet: 'Universitet',
    hoyskole: 'Høyskole',
    studentorganisasjon: 'Studentorganisasjon',
    fagutvalg_rad: 'Fagutvalg/råd',
    statlig_virksomhet: 'Statlig virksomhet',
    kommune_fylkeskommune: 'Kommune/fylkeskommune',
    naeringsliv: 'Næringsliv',
    arbeidstakerorganisasjon: 'Arbeidstakerorganisasjon',
    privatperson: 'Privatperson',
    annet: 'Annet',
  },
  en: {
    universitet: 'University',
    hoyskole: 'University college',
    studentorganisasjon: 'Student organisation',
    fagutvalg_rad: 'Committee/council',
    statlig_virksomhet: 'Government agency',
    kommune_fylkeskommune: 'Municipality/county',
    naeringsliv: 'Business',
    arbeidstakerorganisasjon: 'Trade union',
    privatperson: 'Individual',
    annet: 'Other',
  },
};

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translator for one locale: `t('deadline', { deadline })`. */
export function translator(locale: FormLocale): Translate {
  const catalogue: Record<MessageKey, string> = locale === 'en' ? en : nb;
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}

export function actorTypeName(locale: FormLocale, type: string): string {
  return actorTypeNames[locale][type] ?? type;
}

/**
 * The core's field messages are English sentences; this maps the known ones to the catalogue so
 * the plain form speaks the reader's language. Unknown messages fall back to "check this field".
 */
export function fieldMessage(t: Translate, coreMessage: string): string {
  const tooLong = /^At most (\d+) characters/.exec(coreMessage);
  if (tooLong) return t('error.tooLong', { max: tooLong[1]! });
  switch (coreMessage) {
    case 'This question is required.':
      return t('error.required');
    case 'Not a valid email address.':
      return t('error.email');
    case 'Choose one of the options.':
      return t('error.chooseOne');
    case 'Choose among the options.':
      return t('error.chooseAmong');
    case 'Choose a value from 1 to 5.':
      return t('error.scale');
    case 'Enter a number.':
      return t('error.number');
    default:
      return t('error.field');
  }
}
