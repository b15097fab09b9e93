/**
 * Named treaties, agreements and initiatives; recurring meetings, exercises and wars; and the
 * handful of laws and systems analysts meet daily. One a line: `name|other names`.
 */
export const AGREEMENTS = `
Treaty on the Non-Proliferation of Nuclear Weapons|Non-Proliferation Treaty;Nuclear Non-Proliferation Treaty;NPT
Comprehensive Nuclear-Test-Ban Treaty|CTBT
New START|New START Treaty
Intermediate-Range Nuclear Forces Treaty|INF Treaty
Chemical Weapons Convention|CWC
Biological Weapons Convention|BWC
Arms Trade Treaty|ATT
Outer Space Treaty|
Ottawa Treaty|Mine Ban Treaty
United Nations Convention on the Law of the Sea|UN Convention on the Law of the Sea;UNCLOS
Geneva Conventions|Geneva Convention
UN Charter|Charter of the United Nations;United Nations Charter
Paris Agreement|Paris climate agreement
Joint Comprehensive Plan of Action|JCPOA;Iran nuclear deal
Minsk agreements|Minsk II;Minsk Agreements
Oslo Accords|
Abraham Accords|
Camp David Accords|
Good Friday Agreement|
Dayton Agreement|Dayton Accords
Simla Agreement|Shimla Agreement
Indus Waters Treaty|
Belt and Road Initiative|BRI;One Belt One Road
Global Security Initiative|GSI
Global Development Initiative|GDI
Indo-Pacific Economic Framework|IPEF;Indo-Pacific Economic Framework for Prosperity
Regional Comprehensive Economic Partnership|RCEP
Comprehensive and Progressive Agreement for Trans-Pacific Partnership|CPTPP
Trans-Pacific Partnership|TPP
USMCA|United States-Mexico-Canada Agreement
Wassenaar Arrangement|
Schengen Agreement|Schengen
Lisbon Treaty|Treaty of Lisbon
Budapest Memorandum|
Treaty of Amity and Cooperation|TAC
General Security of Military Information Agreement|GSOMIA
Logistics Exchange Memorandum of Agreement|LEMOA
Communications Compatibility and Security Agreement|COMCASA
Basic Exchange and Cooperation Agreement|BECA
Acquisition and Cross-Servicing Agreement|ACSA
Reciprocal Access Agreement|RAA
Visiting Forces Agreement|VFA
Enhanced Defense Cooperation Agreement|EDCA
Lombok Treaty|
China-Pakistan Economic Corridor|CPEC
India-Middle East-Europe Economic Corridor|IMEC
Black Sea Grain Initiative|
Foreign Military Financing|FMF
`;

export const EVENTS = `
ASEAN Defence Ministers' Meeting-Plus|ADMM-Plus;ADMM Plus;ASEAN Defense Ministers' Meeting-Plus
ASEAN Defence Ministers' Meeting|ADMM
East Asia Summit|EAS
Shangri-La Dialogue|
Raisina Dialogue|
Munich Security Conference|MSC
Malabar|Exercise Malabar
RIMPAC|Rim of the Pacific
Talisman Sabre|Talisman Saber
Balikatan|
Cope India|
Red Flag|
Pitch Black|
Yudh Abhyas|
JIMEX|
Dharma Guardian|
Varuna|
Cold Response|
Steadfast Defender|
Zapad|
Vostok|
World War II|Second World War;WWII
World War I|First World War;WWI
Cold War|
Korean War|
Vietnam War|
Gulf War|
Iraq War|
Kargil War|
Six-Day War|
Yom Kippur War|
`;

export const OTHER_NAMES = `
Countering America's Adversaries Through Sanctions Act|CAATSA
National Defense Authorization Act|NDAA
Iron Dome|
S-400|S-400 Triumf
THAAD|Terminal High Altitude Area Defense
Patriot|Patriot missile
HIMARS|
BrahMos|
Tomahawk|
Aegis|
Brent|Brent crude
`;
