/**
 * The intake fit checklist: the questions an intake coordinator asks before offering an Intensive
 * Outpatient Program, as data. IOP suits people who are medically stable, safe between sessions and
 * able to keep a part-time schedule (SAMHSA TIP 47, "Substance Abuse: Clinical Issues in Intensive
 * Outpatient Treatment", ch. 3; ASAM Criteria level 2.1). Each "yes" raises a flag for clinical
 * review with its reason; the checklist never decides who is admitted. Answers are never stored or
 * sent anywhere: only this content is served (GET /v1/intake/checklist).
 */

/** One crisis resource shown at once when a risk-of-harm answer is "yes". */
export interface CrisisResource {
  id: string;
  name: string;
  /** What to do, in plain words (call, text, chat). */
  howToReach: string;
  /** Dial string for a `tel:` link. */
  phone?: string;
  /** Number for an `sms:` link. */
  text?: string;
  url?: string;
  when: string;
}

/** One checklist question. */
export interface IntakeQuestion {
  id: string;
  text: string;
  /** Why the clinic asks, for the coordinator. */
  help: string;
  /** The answer that raises the flag. */
  flagWhen: 'yes' | 'no';
  flag: {
    /** Always "needs clinical review before IOP": the checklist never decides. */
    kind: 'clinical-review';
    reason: string;
  };
  /** True when a flagging answer must show the crisis resources at once. */
  showsCrisisResources: boolean;
}

/** The whole checklist as served. */
export interface IntakeChecklist {
  id: string;
  version: string;
  title: string;
  intro: string;
  levelOfCare: 'iop-mental-health' | 'iop-substance-use';
  answers: ('yes' | 'no' | 'unsure')[];
  /** Shown when an answer is "unsure". */
  unsureGuidance: string;
  flagLabel: string;
  disclaimer: string;
  privacy: string;
  questions: IntakeQuestion[];
  crisisResources: CrisisResource[];
  crisisMessage: string;
  sources: { title: string; url: string }[];
}

/** The checklist content (version bumps whenever a question or resource changes). */
export const INTAKE_CHECKLIST: IntakeChecklist = {
  id: 'iop-intake-fit',
  version: '2026-11-1',
  title: 'Before offering IOP: intake fit checklist',
  intro:
    'Ask each question in your own words. A "yes" does not rule anyone out: it marks what a clinician should review before Intensive Outpatient is offered.',
  levelOfCare: 'iop-mental-health',
  answers: ['yes', 'no', 'unsure'],
  unsureGuidance: 'Not sure yet: note it and ask the clinician to review this point.',
  flagLabel: 'Needs clinical review before IOP',
  disclaimer:
    'This checklist supports a conversation; it is not an assessment and never decides admission. A licensed clinician decides the level of care.',
  privacy: 'Answers stay on this screen only: they are not saved, sent or printed, and they clear when the page is closed.',
  questions: [
    {
      id: 'constant-monitoring',
      text: 'Does the person need constant monitoring, or are their medications being changed often?',
      help: 'IOP meets a few hours a day; people who need round-the-clock observation or frequent medication adjustment may need a more supervised setting first.',
      flagWhen: 'yes',
      flag: {
        kind: 'clinical-review',
        reason: 'Needs constant monitoring or frequent medication changes: a clinician should consider partial hospitalization or an inpatient setting first.',
      },
      showsCrisisResources: false,
    },
    {
      id: 'risk-of-harm',
      text: 'Is the person at risk of harming themselves or someone else?',
      help: 'Ask directly. If the danger is immediate, stay with the person and call 911 or 988 now.',
      flagWhen: 'yes',
      flag: {
        kind: 'clinical-review',
        reason: 'Risk of harm to self or others: a clinician must assess safety today, before any scheduling.',
      },
      showsCrisisResources: true,
    },
    {
      id: 'medical-condition-first',
      text: 'Does the person have a medical condition that needs treatment first (for example withdrawal that needs medical care)?',
      help: 'Unstable medical conditions, including withdrawal needing medical management, are treated before or alongside a higher level of care.',
      flagWhen: 'yes',
      flag: {
        kind: 'clinical-review',
        reason: 'A medical condition may need treatment first: a clinician should review medical stability and withdrawal risk.',
      },
      showsCrisisResources: false,
    },
    {
      id: 'left-treatment-early',
      text: 'Has the person left treatment early before?',
      help: 'Not a reason to refuse care: it helps the team plan extra support to stay engaged.',
      flagWhen: 'yes',
      flag: {
        kind: 'clinical-review',
        reason: 'History of leaving treatment early: a clinician should plan engagement supports before IOP starts.',
      },
      showsCrisisResources: false,
    },
    {
      id: 'unstable-living-support',
      text: 'Is the person without a stable place to live or without people who support them?',
      help: 'IOP relies on a safe place to return to between sessions; housing and support needs can be addressed with referrals.',
      flagWhen: 'yes',
      flag: {
        kind: 'clinical-review',
        reason: 'No stable living situation or support: a clinician should review whether a residential setting or added supports come first.',
      },
      showsCrisisResources: false,
    },
  ],
  crisisMessage:
    'If someone may be in danger right now, do not wait for a review. Stay with them and connect them to help now.',
  crisisResources: [
    {
      id: '988',
      name: '988 Suicide & Crisis Lifeline',
      howToReach: 'Call or text 988, or chat at 988lifeline.org (24/7, free, confidential).',
      phone: '988',
      text: '988',
      url: 'https://988lifeline.org',
      when: 'Thoughts of suicide, a mental-health or substance-use crisis, or worry about someone else.',
    },
    {
      id: '911',
      name: 'Emergency services',
      howToReach: 'Call 911.',
      phone: '911',
      when: 'Immediate danger to life, a medical emergency, or a weapon involved.',
    },
  ],
  sources: [
    { title: 'SAMHSA TIP 47: Substance Abuse: Clinical Issues in Intensive Outpatient Treatment', url: 'https://store.samhsa.gov/product/tip-47-clinical-issues-intensive-outpatient-treatment/sma13-4182' },
    { title: '988 Suicide & Crisis Lifeline', url: 'https://988lifeline.org' },
  ],
};

/** The flag each answered question raises, in question order ("unsure" and non-flagging answers raise none). */
export function flagsFor(checklist: IntakeChecklist, answers: Readonly<Record<string, 'yes' | 'no' | 'unsure'>>): { questionId: string; reason: string; showsCrisisResources: boolean }[] {
  return checklist.questions
    .filter((q) => answers[q.id] === q.flagWhen)
    .map((q) => ({ questionId: q.id, reason: q.flag.reason, showsCrisisResources: q.showsCrisisResources }));
}
