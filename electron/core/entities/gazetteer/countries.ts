/**
 * UN member states, one a line: `name|other names|demonyms|capital and major cities`, written from
 * general knowledge. Demonyms resolve to the country ("Japanese forces" is about Japan); cities are
 * their own places (a capital used for its government is still the city, as analysts label it).
 * Ambiguous adjectives (Dominican, Congolese, Korean) go to the more common sense or nowhere.
 */
export const COUNTRIES = `
Afghanistan||Afghan|Kabul;Kandahar;Herat;Bagram
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Andorra||Andorran|Andorra la Vella
Angola||Angolan|Luanda
Antigua and Barbuda||Antiguan|St. John's
Argentina||Argentine;Argentinian|Buenos Aires
Armenia||Armenian|Yerevan
Australia||Australian;Aussie|Canberra;Sydney;Melbourne;Brisbane;Perth;Adelaide;Darwin;Hobart
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani;Azeri|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain||Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka;Chittagong;Chattogram
Barbados||Barbadian|Bridgetown
Belarus||Belarusian|Minsk
Belgium||Belgian|Brussels;Antwerp
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo;Cotonou
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian|La Paz;Sucre
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Botswana||Motswana|Gaborone
Brazil||Brazilian|Brasília;Brasilia;São Paulo;Sao Paulo;Rio de Janeiro
Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian|Gitega;Bujumbura
Cabo Verde|Cape Verde|Cape Verdean|Praia
Cambodia||Cambodian|Phnom Penh;Ream
Cameroon||Cameroonian|Yaoundé;Yaounde;Douala
Canada||Canadian|Ottawa;Toronto;Vancouver;Montreal;Halifax
Central African Republic|CAR||Bangui
Chad||Chadian|N'Djamena
Chile||Chilean|Santiago
China|People's Republic of China;PRC|Chinese|Beijing;Shanghai;Guangzhou;Shenzhen;Wuhan;Chengdu;Chongqing;Tianjin;Xiamen;Nanjing;Hangzhou;Dalian;Qingdao;Zhanjiang;Sanya;Urumqi;Lhasa
Colombia||Colombian|Bogotá;Bogota;Medellín;Cali
Comoros||Comorian|Moroni
Congo|Republic of the Congo;Congo-Brazzaville||Brazzaville
Democratic Republic of the Congo|DRC;DR Congo;Congo-Kinshasa|Congolese|Kinshasa;Goma;Bukavu
Costa Rica||Costa Rican|San José
Côte d'Ivoire|Cote d'Ivoire;Ivory Coast|Ivorian|Yamoussoukro;Abidjan
Croatia||Croatian;Croat|Zagreb
Cuba||Cuban|Havana;Guantanamo Bay
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish;Dane|Copenhagen
Djibouti||Djiboutian|
Dominica|||Roseau
Dominican Republic||Dominican|Santo Domingo
Ecuador||Ecuadorian|Quito;Guayaquil
Egypt||Egyptian|Cairo;Alexandria;Port Said
El Salvador||Salvadoran|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean|Asmara;Massawa
Estonia||Estonian|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian|Addis Ababa;Mekelle
Fiji||Fijian|Suva
Finland||Finnish;Finn|Helsinki
France||French|Paris;Marseille;Toulon;Lyon;Brest;Strasbourg
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian|Tbilisi
Germany||German|Berlin;Munich;Hamburg;Frankfurt;Bonn;Ramstein
Ghana||Ghanaian|Accra
Greece||Greek|Athens;Thessaloniki
Grenada||Grenadian|St. George's
Guatemala||Guatemalan|Guatemala City
Guinea||Guinean|Conakry
Guinea-Bissau|||Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian|Port-au-Prince
Honduras||Honduran|Tegucigalpa
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik;Reykjavík
India|Bharat|Indian|New Delhi;Delhi;Mumbai;Kolkata;Chennai;Bengaluru;Bangalore;Hyderabad;Visakhapatnam;Kochi;Karwar;Pune;Ahmedabad;Lucknow;Jaipur;Srinagar;Leh;Port Blair
Indonesia||Indonesian|Jakarta;Surabaya;Bandung;Medan;Nusantara
Iran|Islamic Republic of Iran|Iranian|Tehran;Isfahan;Mashhad;Tabriz;Shiraz;Bandar Abbas;Bushehr
Iraq||Iraqi|Baghdad;Basra;Mosul;Erbil;Kirkuk
Ireland||Irish|Dublin
Israel||Israeli|Jerusalem;Tel Aviv;Haifa;Eilat
Italy||Italian|Rome;Milan;Naples;Sigonella
Jamaica||Jamaican|Kingston
Japan||Japanese|Tokyo;Osaka;Yokosuka;Yokohama;Kyoto;Kobe;Nagoya;Sapporo;Fukuoka;Hiroshima;Nagasaki;Sasebo;Naha
Jordan||Jordanian|Amman;Aqaba
Kazakhstan||Kazakh;Kazakhstani|Astana;Almaty;Baikonur
Kenya||Kenyan|Nairobi;Mombasa
Kiribati||I-Kiribati|Tarawa;South Tarawa
Kuwait||Kuwaiti|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos|Lao PDR|Lao;Laotian|Vientiane
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian|Monrovia
Libya||Libyan|Tripoli;Benghazi;Misrata
Liechtenstein|||Vaduz
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish|
Madagascar||Malagasy|Antananarivo
Malawi||Malawian|Lilongwe
Malaysia||Malaysian|Kuala Lumpur;Putrajaya;Johor Bahru
Maldives||Maldivian|Malé
Mali||Malian|Bamako;Timbuktu;Gao
Malta||Maltese|Valletta
Marshall Islands||Marshallese|Majuro
Mauritania||Mauritanian|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican|Mexico City;Guadalajara;Monterrey;Tijuana
Micronesia|Federated States of Micronesia|Micronesian|Palikir
Moldova||Moldovan|Chișinău;Chisinau
Monaco||Monegasque|
Mongolia||Mongolian|Ulaanbaatar;Ulan Bator
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan|Rabat;Casablanca;Tangier
Mozambique||Mozambican|Maputo
Myanmar|Burma|Burmese|Naypyidaw;Naypyitaw;Yangon;Rangoon;Mandalay
Namibia||Namibian|Windhoek
Nauru||Nauruan|Yaren
Nepal||Nepali;Nepalese|Kathmandu
Netherlands|The Netherlands;Holland|Dutch|Amsterdam;The Hague;Rotterdam
New Zealand||New Zealander|Wellington;Auckland;Christchurch
Nicaragua||Nicaraguan|Managua
Niger||Nigerien|Niamey
Nigeria||Nigerian|Abuja;Lagos
North Korea|DPRK;Democratic People's Republic of Korea|North Korean|Pyongyang;Yongbyon
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo;Bergen;Tromsø
Oman||Omani|Muscat;Duqm;Salalah
Pakistan||Pakistani|Islamabad;Karachi;Lahore;Rawalpindi;Peshawar;Quetta;Gwadar
Palau||Palauan|Ngerulmud;Koror
Panama||Panamanian|Panama City
Papua New Guinea|PNG|Papua New Guinean|Port Moresby
Paraguay||Paraguayan|Asunción;Asuncion
Peru||Peruvian|Lima
Philippines|The Philippines|Philippine;Filipino|Manila;Quezon City;Cebu;Davao
Poland||Polish|Warsaw;Kraków;Krakow;Gdańsk;Gdansk;Rzeszów;Rzeszow
Portugal||Portuguese|Lisbon;Porto
Qatar||Qatari|Doha
Romania||Romanian|Bucharest;Constanța;Constanta
Russia|Russian Federation|Russian|Moscow;St Petersburg;St. Petersburg;Saint Petersburg;Vladivostok;Murmansk;Kaliningrad;Novosibirsk;Sevastopol
Rwanda||Rwandan|Kigali
Saint Kitts and Nevis||Kittitian|Basseterre
Saint Lucia||Saint Lucian|Castries
Saint Vincent and the Grenadines||Vincentian|Kingstown
Samoa||Samoan|Apia
San Marino||Sammarinese|
São Tomé and Príncipe|Sao Tome and Principe|Santomean|São Tomé
Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi|Riyadh;Jeddah;Mecca;Medina;Dhahran
Senegal||Senegalese|Dakar
Serbia||Serbian;Serb|Belgrade
Seychelles||Seychellois|
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean|Changi
Slovakia||Slovak|Bratislava
Slovenia||Slovenian;Slovene|Ljubljana
Solomon Islands||Solomon Islander|Honiara
Somalia||Somali|Mogadishu;Kismayo
South Africa||South African|Pretoria;Cape Town;Johannesburg;Durban
South Korea|Republic of Korea;ROK|South Korean|Seoul;Busan;Incheon;Pyeongtaek
South Sudan||South Sudanese|Juba
Spain||Spanish;Spaniard|Madrid;Barcelona;Rota
Sri Lanka||Sri Lankan|Colombo;Hambantota;Trincomalee
Sudan||Sudanese|Khartoum;Omdurman;Port Sudan
Suriname||Surinamese|Paramaribo
Sweden||Swedish;Swede|Stockholm;Gothenburg
Switzerland||Swiss|Bern;Geneva;Zurich;Davos
Syria||Syrian|Damascus;Aleppo;Homs;Latakia;Tartus
Tajikistan||Tajik|Dushanbe
Tanzania||Tanzanian|Dodoma;Dar es Salaam;Zanzibar
Thailand||Thai|Bangkok;Pattaya;Sattahip
Timor-Leste|East Timor|Timorese|Dili
Togo||Togolese|Lomé;Lome
Tonga||Tongan|Nuku'alofa
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian|Tunis
Turkey|Türkiye;Turkiye|Turkish;Turk|Ankara;Istanbul;Incirlik;Izmir
Turkmenistan||Turkmen|Ashgabat
Tuvalu||Tuvaluan|Funafuti
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv;Kiev;Kharkiv;Odesa;Odessa;Lviv;Dnipro;Mariupol;Bakhmut;Avdiivka;Pokrovsk
United Arab Emirates|UAE;U.A.E.|Emirati|Abu Dhabi;Dubai
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton|London;Edinburgh;Belfast;Cardiff;Glasgow;Manchester;Portsmouth;Plymouth
United States|US;U.S.;USA;U.S.A.;America;United States of America|American|Washington;Washington DC;New York;Los Angeles;San Francisco;San Diego;Chicago;Houston;Boston;Seattle;Miami;Honolulu;Norfolk;Pearl Harbor;Anchorage
Uruguay||Uruguayan|Montevideo
Uzbekistan||Uzbek|Tashkent;Samarkand
Vanuatu||Ni-Vanuatu|Port Vila
Venezuela||Venezuelan|Caracas;Maracaibo
Vietnam|Viet Nam|Vietnamese|Hanoi;Ho Chi Minh City;Saigon;Da Nang;Haiphong;Cam Ranh
Yemen||Yemeni|Sanaa;Sana'a;Aden;Hodeidah
Zambia||Zambian|Lusaka
Zimbabwe||Zimbabwean|Harare
`;

/** Places that are not UN members but that analysts name as countries or territories. */
export const OTHER_STATES = `
Taiwan|Republic of China;ROC|Taiwanese|Taipei;Kaohsiung;Taichung;Hualien
Kosovo||Kosovar|Pristina
Palestine|State of Palestine;Palestinian Territories;Occupied Palestinian Territories|Palestinian|Ramallah;Gaza City
Hong Kong||Hong Konger|
Macau|Macao||
Western Sahara||Sahrawi|Laayoune
Vatican City|Holy See;Vatican||
Greenland||Greenlandic|Nuuk
Puerto Rico||Puerto Rican|San Juan
Guam|||
Somaliland|||Hargeisa
Northern Cyprus|||
Abkhazia|||Sukhumi
South Ossetia|||Tskhinvali
Transnistria|||Tiraspol
New Caledonia|||Nouméa;Noumea
French Polynesia|||Papeete
Falkland Islands|Falklands||Stanley
Cook Islands|||Avarua
American Samoa|||Pago Pago
Northern Mariana Islands|Northern Marianas||Saipan;Tinian
Diego Garcia|||
Bermuda|||Hamilton
Gibraltar|||
Scotland|||
Wales|||
England|||
Northern Ireland|||
`;
