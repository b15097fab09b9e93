/**
 * Regions, seas, straits, disputed areas and major sub-national places, one a line:
 * `name|other names`. Written from general knowledge for a defence / geopolitics readership.
 */
export const REGIONS = `
Indo-Pacific|Indo-Pacific region;Indo Pacific
Asia-Pacific|Asia Pacific;Asia-Pacific region
Asia|
Europe|
Africa|
Middle East|
North Africa|
Sub-Saharan Africa|
West Africa|
East Africa|
Southern Africa|
Horn of Africa|
Sahel|Sahel region
Maghreb|
Levant|
Gulf region|
Balkans|Western Balkans
Caucasus|South Caucasus;North Caucasus
Central Asia|
South Asia|
Southeast Asia|South-East Asia;South East Asia;Southeast Asian
East Asia|
Northeast Asia|North-East Asia
West Asia|
Eurasia|
Latin America|Latin American
South America|South American
North America|North American
Central America|Central American
Caribbean|
Scandinavia|
Nordic region|
Baltic states|Baltics
Eastern Europe|
Western Europe|
Central Europe|
Arctic|Arctic region;High North
Antarctica|Antarctic
Pacific Islands|
South Pacific|
Oceania|
Melanesia|
Polynesia|
Korean Peninsula|
Arabian Peninsula|
Sinai|Sinai Peninsula
Himalayas|Himalaya
Tibet|Tibet Autonomous Region
Xinjiang|
Inner Mongolia|
Kashmir|
Jammu and Kashmir|
Ladakh|
Aksai Chin|
Arunachal Pradesh|
Siachen|Siachen Glacier
Doklam|
Galwan Valley|Galwan
Line of Actual Control|LAC
Line of Control|LoC
Gaza|Gaza Strip
West Bank|
East Jerusalem|
Golan Heights|Golan
Rafah|
Kurdistan|Kurdistan Region
Idlib|
Donbas|Donbass
Donetsk|
Luhansk|Lugansk
Crimea|
Zaporizhzhia|Zaporizhzhia region
Kherson|
Kursk|
Belgorod|
Nagorno-Karabakh|Karabakh
Darfur|
Tigray|
Cabo Delgado|
Rakhine|Rakhine State
Balochistan|Baluchistan
Khyber Pakhtunkhwa|
Punjab|
Sindh|
Gilgit-Baltistan|
Okinawa|
Hokkaido|
Kyushu|
Mindanao|
Luzon|
Palawan|
Sabah|
Sarawak|
Borneo|
Java|
Sumatra|
Papua|West Papua
Aceh|
Bali|
Hainan|
Guangdong|
Fujian|
Zhejiang|
Jiangsu|
Shandong|
Yunnan|
Sichuan|
Hubei|
Liaoning|
Heilongjiang|
Jilin|
Hawaii|
Alaska|
California|
Texas|
Virginia|
Florida|
Alberta|
British Columbia|
Ontario|
Quebec|
Siberia|
Far East|Russian Far East
Chechnya|
Assam|
Manipur|
Sikkim|
Gujarat|
Maharashtra|
Kerala|
Tamil Nadu|
Uttar Pradesh|
West Bengal|
Andaman and Nicobar Islands|Andaman Islands;Nicobar Islands
Lakshadweep|
Chagos Islands|Chagos Archipelago
`;

export const WATERS = `
Indian Ocean|
Pacific Ocean|Pacific
Atlantic Ocean|Atlantic
Arctic Ocean|
Southern Ocean|
South China Sea|
East China Sea|
Yellow Sea|
Sea of Japan|East Sea
Philippine Sea|
Coral Sea|
Tasman Sea|
Andaman Sea|
Arabian Sea|
Bay of Bengal|
Red Sea|
Mediterranean Sea|Mediterranean;Eastern Mediterranean
Black Sea|
Baltic Sea|
North Sea|
Barents Sea|
Caspian Sea|
Sea of Azov|
Sea of Okhotsk|
Java Sea|
Celebes Sea|
Sulu Sea|
Timor Sea|
Persian Gulf|Arabian Gulf
Gulf of Aden|
Gulf of Oman|
Gulf of Guinea|
Gulf of Mexico|Gulf of America
Strait of Hormuz|Hormuz
Strait of Malacca|Malacca Strait;Straits of Malacca
Bab el-Mandeb|Bab-el-Mandeb;Bab al-Mandab
Taiwan Strait|Taiwan Straits
Korea Strait|Tsushima Strait
Lombok Strait|
Sunda Strait|
Strait of Gibraltar|
Bosporus|Bosphorus
Dardanelles|
Turkish Straits|
Suez Canal|
Panama Canal|
Kerch Strait|
Palk Strait|
Spratly Islands|Spratlys
Paracel Islands|Paracels
Scarborough Shoal|
Second Thomas Shoal|Ayungin Shoal
Mischief Reef|
Fiery Cross Reef|
Senkaku Islands|Senkakus;Diaoyu Islands
Kuril Islands|Kurils;Northern Territories
Dokdo|Takeshima
Indus|Indus River
Brahmaputra|
Mekong|Mekong River
Nile|Nile River
Euphrates|
Dnipro River|Dnieper
Amur River|
`;
