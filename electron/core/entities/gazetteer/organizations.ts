/**
 * International organisations, groupings and their bodies, one a line: `name|other names`.
 * Acronyms are matched case-sensitively (so "WHO" is never "who"). Written from general knowledge.
 */
export const INTERNATIONAL_ORGANIZATIONS = `
United Nations|UN;U.N.
UN Security Council|United Nations Security Council;UNSC;Security Council
UN General Assembly|United Nations General Assembly;UNGA;General Assembly
UN Human Rights Council|United Nations Human Rights Council;UNHRC;Human Rights Council
UN Secretariat|
NATO|North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Nato
ASEAN|Association of Southeast Asian Nations;Association of South-East Asian Nations
European Union|EU;E.U.
European Commission|
European Parliament|
European Council|
Council of the European Union|
European Central Bank|ECB
Quad|Quadrilateral Security Dialogue;QUAD
AUKUS|
BRICS|BRICS+
Group of Seven|G7;G-7
Group of Twenty|G20;G-20
G8|Group of Eight
E3|
P5|Permanent Five
P5+1|
Shanghai Cooperation Organisation|Shanghai Cooperation Organization;SCO
International Atomic Energy Agency|IAEA
World Health Organization|World Health Organisation;WHO
World Trade Organization|World Trade Organisation;WTO
International Monetary Fund|IMF
World Bank|
African Union|AU
Arab League|League of Arab States
Gulf Cooperation Council|GCC
Organization of the Petroleum Exporting Countries|OPEC;OPEC+
Organization for Security and Co-operation in Europe|OSCE
Council of Europe|
Organization of American States|OAS
Caribbean Community|CARICOM
Mercosur|Mercosul
CELAC|Community of Latin American and Caribbean States
Economic Community of West African States|ECOWAS
Southern African Development Community|SADC
East African Community|EAC
Intergovernmental Authority on Development|IGAD
South Asian Association for Regional Cooperation|SAARC
BIMSTEC|
Asia-Pacific Economic Cooperation|APEC
Pacific Islands Forum|PIF
Collective Security Treaty Organization|CSTO
Commonwealth of Independent States|CIS
Eurasian Economic Union|EAEU
Organisation of Islamic Cooperation|Organization of Islamic Cooperation;OIC
Commonwealth|Commonwealth of Nations
International Court of Justice|ICJ
International Criminal Court|ICC
Permanent Court of Arbitration|PCA
Interpol|INTERPOL
Europol|
UNHCR|United Nations High Commissioner for Refugees;UN refugee agency
UNICEF|
World Food Programme|WFP
UN Development Programme|United Nations Development Programme;UNDP
UNESCO|
Food and Agriculture Organization|FAO
International Labour Organization|ILO
OHCHR|Office of the High Commissioner for Human Rights
OCHA|Office for the Coordination of Humanitarian Affairs
UNRWA|
UNIFIL|United Nations Interim Force in Lebanon
United Nations Mission in South Sudan|UNMISS
MONUSCO|
MINUSCA|
UNFICYP|
International Committee of the Red Cross|ICRC;Red Cross
Médecins Sans Frontières|MSF;Doctors Without Borders
Amnesty International|
Human Rights Watch|
Five Eyes|
Indian Ocean Rim Association|IORA
Indian Ocean Naval Symposium|IONS
Colombo Security Conclave|
ASEAN Regional Forum|ARF
Conference on Disarmament|
CTBTO|
Organisation for the Prohibition of Chemical Weapons|Organization for the Prohibition of Chemical Weapons;OPCW
Financial Action Task Force|FATF
Nuclear Suppliers Group|NSG
Missile Technology Control Regime|MTCR
Asian Development Bank|ADB
Asian Infrastructure Investment Bank|AIIB
New Development Bank|
OECD|Organisation for Economic Co-operation and Development
International Energy Agency|IEA
International Maritime Organization|IMO
International Civil Aviation Organization|ICAO
World Economic Forum|WEF
`;

/** Armed forces, agencies, parliaments and parties that news names without defining. */
export const NATIONAL_BODIES = `
People's Liberation Army|PLA
People's Liberation Army Navy|PLA Navy;PLAN
PLA Rocket Force|
Central Military Commission|CMC
Chinese Communist Party|Communist Party of China;CCP;CPC
Ministry of State Security|MSS
China Coast Guard|CCG
National People's Congress|NPC
Pentagon|
Department of Defense|Defense Department;DoD
State Department|Department of State
Justice Department|Department of Justice;DOJ
Commerce Department|Department of Commerce
Energy Department|Department of Energy;DOE
Joint Chiefs of Staff|
Treasury Department|Department of the Treasury;Treasury
Department of Homeland Security|DHS
White House|
Congress|US Congress
Senate|US Senate
House of Representatives|
CIA|Central Intelligence Agency
FBI|Federal Bureau of Investigation
NSA|National Security Agency
CISA|Cybersecurity and Infrastructure Security Agency
US Navy|United States Navy;U.S. Navy
US Army|United States Army;U.S. Army
US Air Force|United States Air Force;USAF
US Marine Corps|United States Marine Corps;Marine Corps
US Space Force|Space Force
Indo-Pacific Command|INDOPACOM;US Indo-Pacific Command
Central Command|CENTCOM;US Central Command
Kremlin|
State Duma|Duma
FSB|Federal Security Service
GRU|
SVR|
Wagner Group|Wagner
Rosatom|
Foreign Office|Foreign, Commonwealth and Development Office;FCDO
Home Office|
Royal Navy|
Royal Air Force|RAF
British Army|
House of Commons|
House of Lords|
GCHQ|
MI5|
MI6|Secret Intelligence Service
National Cyber Security Centre|NCSC
Bundestag|
Bundeswehr|
Élysée|Elysee;Élysée Palace
Indian Army|
Indian Navy|
Indian Air Force|IAF
Indian Coast Guard|
Ministry of External Affairs|MEA
DRDO|Defence Research and Development Organisation
Research and Analysis Wing|RAW
Lok Sabha|
Rajya Sabha|
Bharatiya Janata Party|BJP
Indian National Congress|Congress party
Pakistan Army|
Inter-Services Intelligence|ISI
Japan Self-Defense Forces|Self-Defense Forces;JSDF;SDF
Japan Maritime Self-Defense Force|JMSDF
Japan Ground Self-Defense Force|JGSDF
Japan Air Self-Defense Force|JASDF
Liberal Democratic Party|LDP
Israel Defense Forces|IDF
Mossad|
Shin Bet|
Knesset|
Islamic Revolutionary Guard Corps|IRGC;Revolutionary Guards
Quds Force|
Hamas|
Hezbollah|Hizbollah
Houthis|Houthi;Ansar Allah
Taliban|
Islamic State|ISIS;ISIL;Daesh
al-Qaeda|Al-Qaeda;al Qaeda
al-Shabaab|Al-Shabaab
Boko Haram|
Lashkar-e-Taiba|LeT
Jaish-e-Mohammed|JeM
Tehrik-i-Taliban Pakistan|TTP;Tehreek-e-Taliban Pakistan;Tehrik-e-Taliban Pakistan;Pakistani Taliban
PKK|Kurdistan Workers' Party
Kuomintang|KMT
Democratic Party|Democrats
Republican Party|Republicans;GOP
Conservative Party|Tories
Labour Party|Labour
Greens|Green Party
Democratic Progressive Party|DPP
Royal Australian Navy|RAN
Australian Defence Force|ADF
`;

/** Companies that defence and energy news names constantly, and the news agencies it quotes. */
export const COMPANIES = `
Reuters|
Agence France-Presse|AFP
Associated Press|AP
Bloomberg|
Xinhua|
TASS|
RIA Novosti|
Kyodo|Kyodo News
Yonhap|
Press Trust of India|PTI
Asian News International|ANI
Anadolu|Anadolu Agency
IRNA|Islamic Republic News Agency
KCNA|Korean Central News Agency
BBC|British Broadcasting Corporation
CNN|
Al Jazeera|
Lockheed Martin|
Boeing|
Raytheon|RTX
Northrop Grumman|
General Dynamics|
BAE Systems|
Airbus|
Rolls-Royce|
Thales|
Leonardo|
Rheinmetall|
Saab|
Dassault Aviation|Dassault
Naval Group|
MBDA|
Hanwha|Hanwha Aerospace
Korea Aerospace Industries|KAI
Mitsubishi Heavy Industries|MHI
Kawasaki Heavy Industries|
Hindustan Aeronautics Limited|HAL
Bharat Electronics|BEL
Mazagon Dock Shipbuilders|Mazagon Dock
Larsen & Toubro|L&T
Rafael Advanced Defense Systems|
Elbit Systems|Elbit
Israel Aerospace Industries|IAI
Rostec|
Almaz-Antey|
Norinco|
AVIC|Aviation Industry Corporation of China
Huawei|
ZTE|
Microsoft|
Google|
Apple|
Meta|
SpaceX|
Starlink|
Palantir|
Anduril|
TSMC|Taiwan Semiconductor Manufacturing Company
Samsung|
ExxonMobil|Exxon
Shell|
BP|
Saudi Aramco|Aramco
TotalEnergies|
Chevron|
Gazprom|
Rosneft|
CNOOC|
Sinopec|
`;
