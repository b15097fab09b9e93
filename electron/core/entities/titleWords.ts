/**
 * Words that introduce a person ("Defence Minister Rajnath Singh", "Gen Nakatani", "an Iranian
 * businessman, Hossein Shamkhani"). Compared in lower case, without a trailing full stop.
 */
export const TITLE_HEADS = new Set(
  `president vice-president president-elect minister ministers secretary secretary-general undersecretary
  under-secretary chancellor premier ambassador envoy director director-general chief commander spokesperson
  spokesman spokeswoman governor senator sen rep congressman congresswoman mayor king queen prince princess emir
  sheikh sultan pope chairman chairwoman chairperson chair leader adviser advisor representative officer
  counsellor counselor speaker lawmaker mp legislator head consul attaché attache judge justice prosecutor
  admiral general colonel lieutenant major captain commodore brigadier marshal sergeant corporal gen adm col lt maj
  capt cmdr cdr brig sgt mr mrs ms dr prof pm sir dame lord lady rev businessman businesswoman counterpart ceo founder
  official diplomat analyst researcher professor journalist negotiator administrator coordinator politician superintendent inspector detective constable commissioner sheriff
  activist lawyer scientist commentator dissident blogger campaigner historian economist`.split(/\s+/u),
);

/** Military ranks: with a bare surname they stay in the name ("Gen Nakatani"), as analysts know them. */
export const RANKS = new Set('admiral general colonel lieutenant major captain commodore brigadier marshal sergeant gen adm col lt maj capt cmdr cdr brig sgt'.split(' '));

/**
 * Words that qualify a title head and belong to the title: "Prime", "External Affairs", "Vice",
 * "Chief of Naval Staff". Country names and demonyms are not here: they are entities of their own.
 */
export const TITLE_MODIFIERS = new Set(
  `prime deputy vice acting interim foreign defence defense home interior external affairs finance trade commerce
  economy economic energy health justice treasury state national security armed forces chief senior junior rear
  lieutenant major brigadier air naval navy army military principal permanent special general director staff joint
  opposition former outgoing incoming new supreme crown grand first homeland industry education agriculture transport
  information communications environment labour labor culture science technology planning development public works
  internal intelligence operations relations cooperation overseas veterans cabinet fleet executive assistant
  associate regional division field top party`.split(/\s+/u),
);

export const TITLE_CONNECTORS = new Set(['of', 'for', 'the']);

/** Name suffixes that stay in the name: "Ferdinand Marcos Jr." */
export const NAME_SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);
