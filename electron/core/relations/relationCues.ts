import type { EntityType } from '../../common/model/entityType';

/**
 * How a sentence states a relationship of one type, written over the sentence with each confirmed
 * mention replaced by a slot (and a "the" before a mention dropped):
 *
 * - `{A}`, `{B}`, `{C}`: a mention, or a list of them ("A, B and C"). A and C are the
 *   relationship's `from`, B its `to`, whatever order the words put them in ("{B} that {A} signed").
 * - `{P}` and `{X}` in `ROLE_PATTERNS`: a person, and what the person's title is of.
 * - `REL`: a relative clause that may follow a subject (", whose president X leads Y," or ", which").
 * - `COUNTERPART`, `TITLE`: "his Japanese counterpart,", "Pakistani Prime Minister" before the person met.
 *
 * Patterns are regular expressions otherwise, matched without regard to case. A workspace's own
 * types have no entry: their label is their cue (`labelCue`).
 */
export interface RelationCue {
  patterns: readonly string[];
  /** Titles that make a person this type's `from`: "Japanese Defence Minister X", "X, Japan's defence minister". */
  roles?: readonly string[];
  from?: readonly EntityType[];
  to?: readonly EntityType[];
  /** Both ends alike: two people meet, or two states do; a person does not meet a country. */
  sameKind?: boolean;
}

const STATES: readonly EntityType[] = ['place', 'organization'];
const ACTORS: readonly EntityType[] = ['person', 'place', 'organization'];

/** Which title of a person goes with what, in these shapes (P: the person, X: what the title is of). */
export const ROLE_PATTERNS: readonly string[] = [
  String.raw`(?<!\b(?:former|ex|then|late|outgoing)[ -]){X}(?:'s?)? (?:new |current |interim |transitional |military |elected )?{R},? (?:RANK )?{P}`,
  String.raw`{R} of {X},? {P}`,
  String.raw`{P}, (?:the |who is |who was |who became |who has been |now )?{X}(?:'s?)? {R}`,
  String.raw`{P}, (?:the |who is |who was |who became |who has been |now )?{R} of {X}`,
  String.raw`{P}REL (?:is|was|has been|became|serves as|served as) (?:the )?{X}(?:'s?)? {R}`,
  String.raw`{P}REL (?:is|was|has been|became|serves as|served as) (?:the )?{R} of {X}`,
  String.raw`{X}, whose {R} {P}`,
];

/** Words before a title that make it someone else's or no longer held ("deputy defence minister", "former president"). */
/** Ranks between a title and the name: "Burkina Faso's leader, Captain Ibrahim Traoré". */
export const RANKS = String.raw`(?:general|gen\.?|lieutenant general|major general|brigadier general|brigadier|colonel|col\.?|captain|capt\.?|admiral|adm\.?|marshal|field marshal|air marshal)`;

export const NOT_THE_ROLE = String.raw`(?<!\b(?:vice|deputy|assistant|under|shadow|former|ex|then|late|outgoing)[ -])`;

/** Words that undo a cue in the words it matched ("refused to sign", "did not meet"). */
export const NEGATION = /\b(?:not|never|no longer|refused|refuses|declined|declines|failed|fails|n't)\b|n't\b/i;

const PRESENT_OR_PAST = String.raw`(?:is|are|was|were|has been|have been|had been|remains|remain|became|become)`;

export const RELATION_CUES: Readonly<Record<string, RelationCue>> = {
  'defence-minister-of': {
    patterns: [],
    roles: ['defence minister', 'defense minister', 'minister of defence', 'minister of defense', 'minister for defence', 'defence secretary', 'defense secretary', 'secretary of defense', 'secretary of defence'],
    from: ['person'],
    to: STATES,
  },
  leads: {
    patterns: [
      String.raw`{B},? (?:which is |which was |is |was |are |were )?(?:led|headed|commanded|chaired) by (?:[\w.-]+ ){0,3}{A}`,
      String.raw`{A}REL (?:now |still |also )?(?:leads|led|heads|headed|commands|commanded|chairs|chaired|will lead|is leading) {B}`,
    ],
    roles: ['president', 'ruler', 'prime minister', 'secretary general', 'secretary-general', 'chancellor', 'premier', 'king', 'emir', 'supreme leader', 'leader', 'head', 'chairman', 'chairwoman', 'chair', 'commander', 'director general', 'director-general'],
    from: ['person', 'organization', 'place'],
    to: ['place', 'organization', 'event'],
  },
  meets: {
    patterns: [
      String.raw`{A}REL (?:has |have |will |would |is to |are to |is due to |are due to |is set to |are set to )?(?:met|meets|meet|meeting)(?: with)? COUNTERPARTTITLE{B}`,
      String.raw`{A}REL (?:has |have |will |would |is to |are to |is due to |are due to )?(?:held|holds|hold|holding) (?:an? )?(?:[\w-]+ )?(?:meeting|talks) with COUNTERPARTTITLE{B}`,
      String.raw`{A} and {B} (?:have |will |would |are to |are due to )?(?:met|meet|held talks|hold talks)`,
    ],
    from: ACTORS,
    to: ACTORS,
    sameKind: true,
  },
  negotiating: {
    patterns: [
      String.raw`{A}REL (?:${PRESENT_OR_PAST} )?(?:also |still |now |currently )?(?:negotiating|in talks|in negotiations) (?:(?:on |over |about |for )?(?:an? |the )?[^⟦]{0,60}? )?with {B}`,
      String.raw`(?:negotiations|talks|discussions) between {A} and {B} (?:on|over|about|for) [^⟦]{0,60}?(?:agreement|deal|pact|treaty|accord)`,
      String.raw`{A} and {B} (?:are|were|have been|had been) (?:also |still |now )?negotiating`,
    ],
    from: ACTORS,
    to: ACTORS,
    sameKind: true,
  },
  signed: {
    patterns: [
      String.raw`{A}REL (?:have |has |had |will |would |formally |also |jointly |on \w+ )*(?:signed|sign|signs|inked|ratified|concluded) (?:an? |the )?(?:[^⟦]{0,40}? )?{B}`,
      String.raw`{B},? (?:that|which) {A} (?:have |has |had )?(?:signed|inked|ratified|concluded)`,
      String.raw`{B},? (?:was |were |has been |had been )?(?:signed|inked|ratified) by {A}`,
      String.raw`{A} (?:is|are|was|were|became) (?:an? )?(?:signator(?:y|ies)|part(?:y|ies)) to {B}`,
    ],
    from: ACTORS,
    to: ['agreement', 'other'],
  },
  'deployed-to': {
    patterns: [
      String.raw`{A}REL (?:has |have |had |will |would |is to |are to |plans to |is set to |also |long |recently |already |\w+ly )*(?:deployed|deploys|deploy|deploying|sent|sends|send|stationed|stations|station|dispatched|dispatches|dispatch) (?:(?:[^⟦]|⟦\d+⟧){0,60}? )?(?:to|in|at|into) {B}`,
      String.raw`{B}, where {A} (?:has |have |had )?(?:deployed|stationed|based|sent)`,
      String.raw`{A}, whose [^⟦,]{1,30} (?:were|was|are|is|have been|has been|will be) (?:deployed|sent|stationed|based) (?:to|in|at) {B}`,
      String.raw`{A} (?:[\w-]+ ){0,2}(?:troops|forces|soldiers|marines|warships|jets|missiles|units) (?:were |are |have been |will be )?(?:deployed|sent|stationed|based) (?:to|in|at) {B}`,
      String.raw`{B}REL (?:hosts|host|is hosting|has hosted|houses) {A} (?:[\w-]+ ){0,3}(?:troops|forces|soldiers|marines|weapons|missiles|bases?|warships|aircraft|jets|personnel)`,
      String.raw`{A}REL (?:has|have|keeps|maintains) (?:[^⟦]{0,30}? )?(?:troops|forces|soldiers|personnel|warships|aircraft|a base|bases|a presence) (?:at|in) {B}`,
    ],
    from: ['place', 'organization', 'other'],
    to: ['place'],
  },
  'member-of': {
    patterns: [
      String.raw`{A}REL ${PRESENT_OR_PAST} (?:also |both |all |now |already |still |a |an |full |founding |fellow |permanent |non-permanent )*(?:members?|member states?|member countries) of {B}`,
      String.raw`{A}REL (?:has |have |had |formally |officially )*(?:joined|joins|acceded to) {B}`,
      String.raw`{B} (?:members?|member states?|member countries|allies|ally) {A}`,
      String.raw`{A}, (?:an? |the )?(?:fellow |founding |largest |biggest |smallest |newest |oldest )?(?:member|ally) of {B}`,
      String.raw`{A}, (?:an? |the )?(?:fellow |founding |largest |biggest |smallest |newest |oldest )?{B} (?:member|ally)\b`,
    ],
    from: ['person', 'place', 'organization'],
    to: ['organization'],
  },
  'partner-in': {
    patterns: [
      String.raw`{A}REL ${PRESENT_OR_PAST} (?:[\w-]+ ){0,3}?partners? in {B}(?:,? (?:[^⟦]{0,40}? )?(?:along with|together with|alongside|with) {C})?`,
      String.raw`{A}, (?:an? |the )?(?:[\w-]+ ){0,2}?partners? in {B}`,
      String.raw`{B} partners {A}`,
    ],
    from: ACTORS,
    to: ['organization', 'agreement', 'event', 'other'],
  },
};

/** A type the workspace added reads as its own cue: "supplies arms to" → "{A} supplies arms to {B}". */
export function labelCue(label: string): RelationCue {
  const words = label
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(' ');
  return { patterns: [String.raw`{A}REL (?:has |have |had |will |would |is |are |was |were |also )*${words} {B}`] };
}
