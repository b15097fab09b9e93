import type { EntityType } from '../../common/model/entityType';

/**
 * The last word of a capitalised name that says what the name is ("… Agreement", "… Forces").
 * Capitalised only: "an agreement" is not a name.
 */
export const HEAD_FINAL: ReadonlyMap<string, EntityType> = new Map([
  ...words('agreement', 'Document Agreement Agreements Treaty Accord Accords Pact Initiative Programme Program Partnership Convention Protocol Charter Declaration Plan Framework Compact Arrangement Memorandum Deal Strategy Roadmap Communiqué Communique'),
  ...words('event', 'Summit Meeting Meeting-Plus Dialogue Conference Exercise Exercises Games Olympics Talks Symposium Ministerial Consultations War Drill Drills Airshow Expo Election Elections Offensive Crisis'),
  ...words('organization', 'Ministry Ministries Department Agency Commission Committee Council Bank Fund Army Navy Force Forces Corps Guard Guards Marines Party Front Movement Organisation Organization Union Association Institute Institution University College Group Corporation Company Industries Systems Technologies Technology Authority Office Service Services Police Court Tribunal Parliament Assembly Command Brigade Division Regiment Battalion Fleet Squadron Board Bureau Alliance Coalition Federation League Network Foundation Endowment Trust Centre Center Academy Inc Ltd Corp LLC PLC Airlines Airways Administration Cabinet Senate Congress Secretariat Directorate Chamber Mission Aviation Aerospace Shipyard Shipyards Shipbuilders Dynamics Electronics Motors Petroleum Holdings Forum Conclave Society Bloc Caucus Gendarmerie Commissariat Times Post News Observatory'),
  ...words('place', 'Sea Ocean Strait Straits Gulf Bay Island Islands Isles Peninsula Province Region Valley Mountains Mountain Hills River Desert Basin Canal Channel Shoal Reef Atoll Harbor Harbour Lake Plateau Coast District Prefecture Oblast County Airport Base Palace Square Pass Heights Highlands Delta Glacier Port Territory Territories Zone Corridor Line Point Station Dam Bridge Street Avenue Park Stadium'),
  ...words('other', 'Act Bill Law Doctrine'),
]);

/** A name that starts with its kind: "Ministry of Defence", "Bay of Bengal", "Treaty on …". */
export const HEAD_INITIAL: ReadonlyMap<string, EntityType> = new Map([
  ...words('organization', 'Ministry Department Office Bank University Organisation Organization Council Court Commission Committee Institute House Board Bureau Agency Federation League Union Association Academy Chamber Secretariat Directorate Group Conference Parliament'),
  ...words('place', 'Gulf Bay Sea Strait Straits Isle Isles Island Islands Line Republic Kingdom Sultanate Emirate Province Valley'),
  ...words('agreement', 'Treaty Convention Agreement Declaration Charter Protocol Statute Memorandum Pact'),
  ...words('event', 'Battle Siege Summit War'),
]);

/** Head-initial words that take a name directly, without "of": "Port Blair", "Operation Sindoor". */
export const NAME_PREFIX: ReadonlyMap<string, EntityType> = new Map([
  ...words('place', 'Port Mount Mt Lake Cape Fort Camp'),
  ...words('event', 'Operation Exercise Mission'),
]);

/** Prefixes of ship names: "INS Vikrant", "USS George Washington", "BRP Sierra Madre". */
export const SHIP_PREFIXES = new Set(
  'INS USS USNS HMS HMAS HMCS HMNZS JS BRP PNS CNS ROKS KRI RFS TCG ITS FS SPS NRP KD RSS HTMS BNS SLNS MV MT SS HNLMS HDMS KNM FGS ORP'.split(' '),
);

/** Legal forms written before a company's name (Indonesia, Russia, Greece …). */
export const COMPANY_PREFIXES = new Set(['PT', 'PJSC', 'JSC', 'OAO', 'PAO', 'OOO', 'CV']);

/** Connectors allowed inside a name between capitalised words. */
export const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', '&', 'de', 'du', 'des', 'la', 'le', 'to']);

/**
 * Lowercase nouns after a capitalised name that tell its type: "Zambales province", "Malabar
 * exercise", "Rafale fighter jets", "Foreign Military Sales programme".
 */
export const LOWERCASE_CUES: ReadonlyMap<string, EntityType> = new Map([
  ...words('place', 'province state region district county prefecture sector city town village border area airbase port base oblast airfield airport shipyard dockyard refinery headquarters barracks compound'),
  ...words('organization', 'coalition gang militia movement alliance company firm group'),
  ...words('event', 'exercise exercises drill drills summit wargames operation'),
  ...words('agreement', 'initiative programme program plan deal pact treaty accord framework scheme agreement'),
  ...words('other', 'missile missiles tank tanks jet jets fighter fighters helicopter helicopters submarine submarines drone drones aircraft frigate frigates destroyer destroyers warship warships howitzer howitzers rifle rifles launcher launchers rocket rockets satellite satellites malware ransomware spyware centrifuges system systems design variant prototype cable cables pipeline pipelines interconnector appliance appliances software firmware router routers server servers device devices reactor reactors'),
]);

/** Lowercase nouns before a capitalised name that make it a vessel: "the tanker Star Glory". */
export const VESSEL_NOUNS = new Set('tanker tankers vessel vessels ship ships destroyer frigate carrier submarine corvette cruiser freighter trawler boat yacht icebreaker'.split(' '));

function words(type: EntityType, list: string): [string, EntityType][] {
  return list.split(' ').map((w) => [w, type]);
}

/**
 * Lowercase geographic nouns that complete a name rather than describe it: "Scandinavian
 * peninsula", "Korean peninsula" are the names, where "Zambales province" is Zambales.
 */
export const GEOGRAPHIC_NOUNS = new Set('peninsula sea ocean strait gulf bay island islands river valley mountains desert lake coast plateau basin'.split(' '));

/** Nouns that type the name they follow in an appositive: "Freedom Edge, a trilateral exercise". */
export const APPOSITIVE_NOUNS: ReadonlyMap<string, EntityType> = new Map([
  ...words('event', 'exercise drill drills summit conference operation'),
  ...words('organization', 'group company firm agency coalition alliance party militia bank contractor manufacturer maker chipmaker shipbuilder movement organisation organization network consortium operator utility broadcaster carrier airline insurer lender regulator watchdog producer exporter developer startup newspaper outlet gang'),
  ...words('agreement', 'agreement treaty pact accord initiative programme program plan'),
  ...words('place', 'town city village province region district island port'),
]);

/** Nouns right before a name that make it an organisation: "the cybersecurity firm Mandiant". */
export const ORGANIZATION_NOUNS_BEFORE = new Set('firm company operator group agency gang militia party broadcaster newspaper outlet carrier airline bank lender insurer contractor manufacturer maker chipmaker shipbuilder startup consultancy itself'.split(' '));

/** Weapon classes written as acronyms: they type the name before them and are not names themselves. */
export const WEAPON_ACRONYMS = new Set(['ICBM', 'ICBMs', 'SLBM', 'SLBMs', 'IRBM', 'SRBM', 'MRBM', 'UAV', 'UAVs', 'SAM', 'SAMs', 'MANPADS', 'HGV', 'ASAT']);
