/**
 * Names in other scripts that CLDR's territory list (countryNames.ts) does not give: capitals and
 * major cities, seas and straits, and the everyday forms of some countries (США, 米国, أمريكا).
 * Typed from general knowledge (a spelling a source writes otherwise is an alias away). One place
 * a line, `gazetteer name|language names separated by ";"|…`; the name must be in the English
 * gazetteer (a test checks). Seas and straits matter twice: 印度洋 and インド洋 are the Indian
 * Ocean, not India, because the longer name wins.
 */
export const OTHER_SCRIPT_NAMES = `
New Delhi|ar نيودلهي;نيو دلهي|fa دهلی نو|he ניו דלהי|hi नई दिल्ली|ja ニューデリー|ko 뉴델리|ru Нью-Дели|uk Нью-Делі|zh 新德里
Mumbai|ar مومباي|fa بمبئی;مومبای|he מומבאי|hi मुंबई|ja ムンバイ|ko 뭄바이|ru Мумбаи|uk Мумбаї|zh 孟买|zh-Hant 孟買
Tokyo|ar طوكيو|fa توکیو|he טוקיו|hi टोक्यो|ja 東京|ko 도쿄|ru Токио|uk Токіо|zh 东京|zh-Hant 東京
Beijing|ar بكين|fa پکن|he בייג'ינג;בייג׳ינג|hi बीजिंग|ja 北京|ko 베이징|ru Пекин|uk Пекін|zh 北京
Shanghai|ar شنغهاي|fa شانگهای|he שנגחאי|hi शंघाई|ja 上海|ko 상하이|ru Шанхай|uk Шанхай|zh 上海
Moscow|ar موسكو|fa مسکو|he מוסקבה|hi मॉस्को|ja モスクワ|ko 모스크바|ru Москва|uk Москва|zh 莫斯科
Kyiv|ar كييف|fa کی‌یف;کیف|he קייב|hi कीव|ja キーウ;キエフ|ko 키이우;키예프|ru Киев|uk Київ|zh 基辅|zh-Hant 基輔
Washington|ar واشنطن|fa واشنگتن|he וושינגטון|hi वाशिंगटन|ja ワシントン|ko 워싱턴|ru Вашингтон|uk Вашингтон|zh 华盛顿|zh-Hant 華盛頓
London|ar لندن|fa لندن|he לונדון|hi लंदन|ja ロンドン|ko 런던|ru Лондон|uk Лондон|zh 伦敦|zh-Hant 倫敦
Paris|ar باريس|fa پاریس|he פריז|hi पेरिस|ja パリ|ko 파리|ru Париж|uk Париж|zh 巴黎
Berlin|ar برلين|fa برلین|he ברלין|hi बर्लिन|ja ベルリン|ko 베를린|ru Берлин|uk Берлін|zh 柏林
Warsaw|ar وارسو|fa ورشو|he ורשה|hi वारसॉ|ja ワルシャワ|ko 바르샤바|ru Варшава|uk Варшава|zh 华沙|zh-Hant 華沙
Minsk|ar مينسك|fa مینسک|he מינסק|hi मिन्स्क|ja ミンスク|ko 민스크|ru Минск|uk Мінськ|zh 明斯克
Brussels|ar بروكسل|fa بروکسل|he בריסל|hi ब्रसेल्स|ja ブリュッセル|ko 브뤼셀|ru Брюссель|uk Брюссель|zh 布鲁塞尔|zh-Hant 布魯塞爾
Tehran|ar طهران|fa تهران|he טהרן|hi तेहरान|ja テヘラン|ko 테헤란|ru Тегеран|uk Тегеран|zh 德黑兰|zh-Hant 德黑蘭
Seoul|ar سول;سيول|fa سئول|he סיאול|hi सियोल|ja ソウル|ko 서울|ru Сеул|uk Сеул|zh 首尔|zh-Hant 首爾
Pyongyang|ar بيونغ يانغ|fa پیونگ‌یانگ;پیونگ یانگ|he פיונגיאנג|hi प्योंगयांग|ja 平壌|ko 평양|ru Пхеньян|uk Пхеньян|zh 平壤
Taipei|ar تايبيه|fa تایپه|he טאיפיי|hi ताइपे|ja 台北|ko 타이베이|ru Тайбэй|uk Тайбей|zh 台北
Islamabad|ar إسلام آباد|fa اسلام‌آباد;اسلام آباد|he איסלמבאד|hi इस्लामाबाद|ja イスラマバード|ko 이슬라마바드|ru Исламабад|uk Ісламабад|zh 伊斯兰堡|zh-Hant 伊斯蘭堡
Kabul|ar كابل|fa کابل|he קאבול|hi काबुल|ja カブール|ko 카불|ru Кабул|uk Кабул|zh 喀布尔|zh-Hant 喀布爾
Baghdad|ar بغداد|fa بغداد|he בגדאד|hi बगदाद|ja バグダッド|ko 바그다드|ru Багдад|uk Багдад|zh 巴格达|zh-Hant 巴格達
Damascus|ar دمشق|fa دمشق|he דמשק|hi दमिश्क|ja ダマスカス|ko 다마스쿠스|ru Дамаск|uk Дамаск|zh 大马士革|zh-Hant 大馬士革
Beirut|ar بيروت|fa بیروت|he ביירות|hi बेरूत|ja ベイルート|ko 베이루트|ru Бейрут|uk Бейрут|zh 贝鲁特|zh-Hant 貝魯特
Jerusalem|ar القدس|fa اورشلیم;بیت‌المقدس|he ירושלים|hi यरूशलम|ja エルサレム|ko 예루살렘|ru Иерусалим|uk Єрусалим|zh 耶路撒冷
Tel Aviv|ar تل أبيب|fa تل‌آویو;تل آویو|he תל אביב|hi तेल अवीव|ja テルアビブ|ko 텔아비브|ru Тель-Авив|uk Тель-Авів|zh 特拉维夫|zh-Hant 特拉維夫
Cairo|ar القاهرة|fa قاهره|he קהיר|hi काहिरा|ja カイロ|ko 카이로|ru Каир|uk Каїр|zh 开罗|zh-Hant 開羅
Riyadh|ar الرياض|fa ریاض|he ריאד|hi रियाद|ja リヤド|ko 리야드|ru Эр-Рияд|uk Ер-Ріяд|zh 利雅得
Ankara|ar أنقرة|fa آنکارا|he אנקרה|hi अंकारा|ja アンカラ|ko 앙카라|ru Анкара|uk Анкара|zh 安卡拉
Doha|ar الدوحة|fa دوحه|he דוחא|hi दोहा|ja ドーハ|ko 도하|ru Доха|uk Доха|zh 多哈
Abu Dhabi|ar أبوظبي;أبو ظبي|fa ابوظبی|he אבו דאבי|hi अबू धाबी|ja アブダビ|ko 아부다비|ru Абу-Даби|uk Абу-Дабі|zh 阿布扎比
Sanaa|ar صنعاء|fa صنعا
Khartoum|ar الخرطوم|fa خارطوم|he חרטום|hi खार्तूम|ja ハルツーム|ko 하르툼|ru Хартум|uk Хартум|zh 喀土穆
Baku|ar باكو|fa باکو|he באקו|hi बाकू|ja バクー|ko 바쿠|ru Баку|uk Баку|zh 巴库|zh-Hant 巴庫
Tbilisi|ar تبليسي|fa تفلیس|he טביליסי|hi त्बिलिसी|ja トビリシ|ko 트빌리시|ru Тбилиси|uk Тбілісі|zh 第比利斯
Yerevan|ar يريفان|fa ایروان|he ירוואן|hi येरेवान|ja エレバン|ko 예레반|ru Ереван|uk Єреван|zh 埃里温|zh-Hant 埃里溫
Manila|ar مانيلا|fa مانیل|he מנילה|hi मनीला|ja マニラ|ko 마닐라|ru Манила|uk Манила|zh 马尼拉|zh-Hant 馬尼拉
Hanoi|ar هانوي|fa هانوی|he האנוי|hi हनोई|ja ハノイ|ko 하노이|ru Ханой|uk Ханой|zh 河内
Jakarta|ar جاكرتا|fa جاکارتا|he ג'קרטה;ג׳קרטה|hi जकार्ता|ja ジャカルタ|ko 자카르타|ru Джакарта|uk Джакарта|zh 雅加达|zh-Hant 雅加達
Bangkok|ar بانكوك|fa بانکوک|he בנגקוק|hi बैंकॉक|ja バンコク|ko 방콕|ru Бангкок|uk Бангкок|zh 曼谷
Canberra|ar كانبرا|fa کانبرا|he קנברה|hi कैनबरा|ja キャンベラ|ko 캔버라|ru Канберра|uk Канберра|zh 堪培拉
Dhaka|ar دكا|fa داکا|he דאקה|hi ढाका|ja ダッカ|ru Дакка|uk Дакка|zh 达卡|zh-Hant 達卡
Kathmandu|ar كاتماندو|fa کاتماندو|he קטמנדו|hi काठमांडू|ja カトマンズ|ko 카트만두|ru Катманду|uk Катманду|zh 加德满都|zh-Hant 加德滿都
Colombo|ar كولومبو|fa کلمبو|he קולומבו|hi कोलंबो|ja コロンボ|ko 콜롬보|ru Коломбо|uk Коломбо|zh 科伦坡|zh-Hant 可倫坡
Indian Ocean|ar المحيط الهندي|fa اقیانوس هند|he האוקיינוס ההודי|hi हिंद महासागर;हिन्द महासागर|ja インド洋|ko 인도양|ru Индийский океан|uk Індійський океан|zh 印度洋
Pacific Ocean|ar المحيط الهادئ|fa اقیانوس آرام|he האוקיינוס השקט|hi प्रशांत महासागर|ja 太平洋|ko 태평양|ru Тихий океан|uk Тихий океан|zh 太平洋
South China Sea|ar بحر الصين الجنوبي|fa دریای چین جنوبی|he ים סין הדרומי|hi दक्षिण चीन सागर|ja 南シナ海|ko 남중국해|ru Южно-Китайское море|uk Південнокитайське море|zh 南海;南中国海|zh-Hant 南海;南中國海
East China Sea|ar بحر الصين الشرقي|fa دریای چین شرقی|he ים סין המזרחי|hi पूर्वी चीन सागर|ja 東シナ海|ko 동중국해|ru Восточно-Китайское море|uk Східнокитайське море|zh 东海|zh-Hant 東海
Taiwan Strait|ar مضيق تايوان|fa تنگه تایوان|he מצר טייוואן|hi ताइवान जलडमरूमध्य|ja 台湾海峡|ko 대만 해협|ru Тайваньский пролив|uk Тайванська протока|zh 台湾海峡|zh-Hant 台灣海峽
Strait of Hormuz|ar مضيق هرمز|fa تنگه هرمز|he מצר הורמוז|hi होर्मुज़ जलडमरूमध्य|ja ホルムズ海峡|ko 호르무즈 해협|ru Ормузский пролив|uk Ормузька протока|zh 霍尔木兹海峡|zh-Hant 荷莫茲海峽
Gulf of Oman|ar خليج عمان|fa دریای عمان;خلیج عمان|he מפרץ עומאן|hi ओमान की खाड़ी|ja オマーン湾|ko 오만만|ru Оманский залив|uk Оманська затока|zh 阿曼湾|zh-Hant 阿曼灣
Persian Gulf|ar الخليج العربي;الخليج الفارسي|fa خلیج فارس|he המפרץ הפרסי|hi फ़ारस की खाड़ी|ja ペルシャ湾|ko 페르시아만|ru Персидский залив|uk Перська затока|zh 波斯湾|zh-Hant 波斯灣
Red Sea|ar البحر الأحمر|fa دریای سرخ|he ים סוף;הים האדום|hi लाल सागर|ja 紅海|ko 홍해|ru Красное море|uk Червоне море|zh 红海|zh-Hant 紅海
Black Sea|ar البحر الأسود|fa دریای سیاه|he הים השחור|hi काला सागर|ja 黒海|ko 흑해|ru Чёрное море|uk Чорне море|zh 黑海
Amman|ar عمّان|he עמאן|hi अम्मान|ja アンマン|ko 암만|ru Амман|uk Амман|zh 安曼
Aqaba|ar العقبة|he עקבה|ru Акаба|uk Акаба|zh 亚喀巴
Muscat|ar مسقط|fa مسقط|he מוסקט|ru Маскат|uk Маскат|zh 马斯喀特|zh-Hant 馬斯喀特
Salalah|ar صلالة|ru Салала
Duqm|ar الدقم
Manama|ar المنامة|fa منامه|he מנאמה|ja マナーマ|ru Манама|uk Манама|zh 麦纳麦|zh-Hant 麥納瑪
Kuwait City|ar مدينة الكويت|ru Эль-Кувейт
Jeddah|ar جدة|fa جده|he ג'דה|ru Джидда|uk Джидда|zh 吉达|zh-Hant 吉達
Mecca|ar مكة;مكة المكرمة|fa مکه|ja メッカ|ru Мекка|uk Мекка|zh 麦加|zh-Hant 麥加
Medina|ar المدينة المنورة|fa مدینه|ru Медина|uk Медина|zh 麦地那
Dhahran|ar الظهران|ru Дахран
Dubai|ar دبي|fa دبی|he דובאי|hi दुबई|ja ドバイ|ko 두바이|ru Дубай|uk Дубай|zh 迪拜|zh-Hant 杜拜
Basra|ar البصرة|fa بصره|ru Басра|uk Басра|zh 巴士拉
Mosul|ar الموصل|fa موصل|he מוסול|ru Мосул|uk Мосул|zh 摩苏尔
Erbil|ar أربيل|fa اربیل|ru Эрбиль|uk Ербіль|zh 埃尔比勒
Kirkuk|ar كركوك|fa کرکوک|ru Киркук|uk Кіркук|zh 基尔库克
Aleppo|ar حلب|fa حلب|he חלב|ru Алеппо|uk Алеппо|zh 阿勒颇
Homs|ar حمص|fa حمص|ru Хомс|uk Хомс
Latakia|ar اللاذقية|ru Латакия|uk Латакія
Tartus|ar طرطوس|ru Тартус|uk Тартус
Alexandria|ar الإسكندرية|fa اسکندریه|he אלכסנדריה|ru Александрия|uk Александрія|zh 亚历山大港
Port Said|ar بورسعيد;بور سعيد|ru Порт-Саид|uk Порт-Саїд
Haifa|ar حيفا|fa حیفا|he חיפה|ru Хайфа|uk Хайфа|zh 海法
Eilat|ar إيلات|he אילת|ru Эйлат|uk Ейлат
Ramallah|ar رام الله|fa رام‌الله|he רמאללה|ru Рамалла|uk Рамалла|zh 拉马拉
Gaza City|ar مدينة غزة|he העיר עזה|ru Газа|uk Газа
Aden|ar عدن|fa عدن|ru Аден|uk Аден|zh 亚丁
Hodeidah|ar الحديدة|fa حدیده|ru Ходейда|uk Ходейда|zh 荷台达
Tripoli|ar طرابلس|ru Триполи|uk Триполі|zh 的黎波里
Benghazi|ar بنغازي|ru Бенгази|uk Бенгазі|zh 班加西
Misrata|ar مصراتة|ru Мисурата|uk Місурата
Rabat|ar الرباط|ru Рабат|uk Рабат|zh 拉巴特
Casablanca|ar الدار البيضاء|ru Касабланка|uk Касабланка|zh 卡萨布兰卡
Tangier|ar طنجة|ru Танжер|uk Танжер
Algiers|ar الجزائر العاصمة
Nouakchott|ar نواكشوط|ru Нуакшот|uk Нуакшот
Mogadishu|ar مقديشو|ru Могадишо|uk Могадішо|zh 摩加迪沙
Omdurman|ar أم درمان|ru Омдурман|uk Омдурман
Port Sudan|ar بورتسودان;بور سودان|ru Порт-Судан|uk Порт-Судан
Isfahan|ar أصفهان|fa اصفهان|ru Исфахан|uk Ісфахан|zh 伊斯法罕
Mashhad|fa مشهد|ru Мешхед|uk Мешхед
Tabriz|ar تبريز|fa تبریز|ru Тебриз|uk Тебриз
Shiraz|ar شيراز|fa شیراز|ru Шираз|uk Шираз
Bandar Abbas|ar بندر عباس|fa بندرعباس;بندر عباس|ru Бендер-Аббас|uk Бендер-Аббас
Bushehr|ar بوشهر|fa بوشهر|ru Бушер|uk Бушер|zh 布什尔
Kandahar|ar قندهار|fa قندهار|ru Кандагар|uk Кандагар|zh 坎大哈
Herat|ar هرات|fa هرات|ru Герат|uk Герат|zh 赫拉特
Karachi|ar كراتشي|fa کراچی|hi कराची|ja カラチ|ru Карачи|uk Карачі|zh 卡拉奇
Lahore|ar لاهور|fa لاهور|hi लाहौर|ru Лахор|uk Лахор|zh 拉合尔|zh-Hant 拉合爾
Rawalpindi|ar راولبندي|fa راولپندی|hi रावलपिंडी|ru Равалпинди|uk Равалпінді
Peshawar|ar بيشاور|fa پیشاور|hi पेशावर|ru Пешавар|uk Пешавар|zh 白沙瓦
Quetta|ar كويتا|fa کویته|hi क्वेटा|ru Кветта|uk Кветта|zh 奎达
Gwadar|ar جوادر|fa گوادر|ru Гвадар|uk Гвадар|zh 瓜达尔|zh-Hant 瓜達爾
Delhi|ar دلهي|fa دهلی|he דלהי|hi दिल्ली|ja デリー|ko 델리|ru Дели|uk Делі|zh 德里
Kolkata|ar كولكاتا|hi कोलकाता|ru Калькутта|uk Калькутта|zh 加尔各答
Chennai|ar تشيناي|hi चेन्नई|ru Ченнаи|uk Ченнаї|zh 金奈
Hyderabad|ar حيدر آباد|fa حیدرآباد|hi हैदराबाद|ru Хайдарабад|uk Хайдарабад
Istanbul|ar إسطنبول;اسطنبول|fa استانبول|he איסטנבול|hi इस्तांबुल|ja イスタンブール|ko 이스탄불|ru Стамбул|uk Стамбул|zh 伊斯坦布尔|zh-Hant 伊斯坦堡
Osaka|ar أوساكا|he אוסקה|ja 大阪|ko 오사카|ru Осака|uk Осака|zh 大阪
Kyoto|ar كيوتو|ja 京都|ko 교토|ru Киото|uk Кіото|zh 京都
Hiroshima|ar هيروشيما|ja 広島|ko 히로시마|ru Хиросима|uk Хіросіма|zh 广岛|zh-Hant 廣島
Nagasaki|ar ناغازاكي|ja 長崎|ko 나가사키|ru Нагасаки|uk Нагасакі|zh 长崎|zh-Hant 長崎
Yokosuka|ja 横須賀|ru Йокосука|uk Йокосука|zh 横须贺|zh-Hant 橫須賀
Busan|ja 釜山|ko 부산|ru Пусан|uk Пусан|zh 釜山
Guangzhou|ar قوانغتشو|ja 広州|ko 광저우|ru Гуанчжоу|uk Гуанчжоу|zh 广州|zh-Hant 廣州
Wuhan|ar ووهان|ja 武漢|ko 우한|ru Ухань|uk Ухань|zh 武汉|zh-Hant 武漢
Chongqing|ja 重慶|ru Чунцин|uk Чунцін|zh 重庆|zh-Hant 重慶
Tianjin|ja 天津|ru Тяньцзинь|uk Тяньцзінь|zh 天津
Xiamen|ja 厦門|ru Сямынь|zh 厦门|zh-Hant 廈門
Qingdao|ja 青島|ru Циндао|uk Циндао|zh 青岛|zh-Hant 青島
Dalian|ja 大連|ru Далянь|uk Далянь|zh 大连|zh-Hant 大連
Lhasa|ru Лхаса|uk Лхаса|zh 拉萨|zh-Hant 拉薩
Urumqi|ru Урумчи|uk Урумчі|zh 乌鲁木齐|zh-Hant 烏魯木齊
Kaohsiung|ja 高雄|ru Гаосюн|zh 高雄
St Petersburg|ar سانت بطرسبرغ|fa سن پترزبورگ|he סנקט פטרבורג|ja サンクトペテルブルク|ko 상트페테르부르크|ru Санкт-Петербург;Петербург|uk Санкт-Петербург|zh 圣彼得堡|zh-Hant 聖彼得堡
Vladivostok|ar فلاديفوستوك|ja ウラジオストク|ko 블라디보스토크|ru Владивосток|uk Владивосток|zh 符拉迪沃斯托克
Kaliningrad|ar كالينينغراد|ru Калининград|uk Калінінград|zh 加里宁格勒
Murmansk|ru Мурманск|uk Мурманськ
Sevastopol|ar سيفاستوبول|ru Севастополь|uk Севастополь|zh 塞瓦斯托波尔
Kharkiv|ar خاركيف|ru Харьков|uk Харків|zh 哈尔科夫
Odesa|ar أوديسا|ru Одесса|uk Одеса|zh 敖德萨
Lviv|ar لفيف|ru Львов|uk Львів|zh 利沃夫
Mariupol|ar ماريوبول|ru Мариуполь|uk Маріуполь|zh 马里乌波尔
Vienna|ar فيينا|fa وین|he וינה|ja ウィーン|ru Вена|uk Відень|zh 维也纳|zh-Hant 維也納
Rome|ar روما|fa رم|he רומא|ja ローマ|ko 로마|ru Рим|uk Рим|zh 罗马|zh-Hant 羅馬
Madrid|ar مدريد|fa مادرید|he מדריד|ja マドリード|ko 마드리드|ru Мадрид|uk Мадрид|zh 马德里|zh-Hant 馬德里
Athens|ar أثينا|fa آتن|he אתונה|ja アテネ|ko 아테네|ru Афины|uk Афіни|zh 雅典
Geneva|ar جنيف|fa ژنو|he ז'נבה;ז׳נבה|ja ジュネーブ|ko 제네바|ru Женева|uk Женева|zh 日内瓦|zh-Hant 日內瓦
The Hague|ar لاهاي|ja ハーグ|ru Гаага|uk Гаага|zh 海牙
Amsterdam|ar أمستردام|he אמסטרדם|ja アムステルダム|ru Амстердам|uk Амстердам|zh 阿姆斯特丹
Stockholm|ar ستوكهولم|he שטוקהולם|ja ストックホルム|ru Стокгольм|uk Стокгольм|zh 斯德哥尔摩
Oslo|ar أوسلو|ja オスロ|ru Осло|uk Осло|zh 奥斯陆|zh-Hant 奧斯陸
Helsinki|ar هلسنكي|ja ヘルシンキ|ru Хельсинки|uk Гельсінкі|zh 赫尔辛基|zh-Hant 赫爾辛基
Copenhagen|ar كوبنهاغن|ja コペンハーゲン|ru Копенгаген|uk Копенгаген|zh 哥本哈根
Prague|ar براغ|ja プラハ|ru Прага|uk Прага|zh 布拉格
Budapest|ar بودابست|ja ブダペスト|ru Будапешт|uk Будапешт|zh 布达佩斯|zh-Hant 布達佩斯
Bucharest|ar بوخارست|ru Бухарест|uk Бухарест|zh 布加勒斯特
Belgrade|ar بلغراد|ru Белград|uk Белград|zh 贝尔格莱德|zh-Hant 貝爾格勒
Lisbon|ar لشبونة|ja リスボン|ru Лиссабон|uk Лісабон|zh 里斯本
Dublin|ar دبلن|ja ダブリン|ru Дублин|uk Дублін|zh 都柏林
Riga|ar ريغا|ru Рига|uk Рига|zh 里加
Vilnius|ar فيلنيوس|ru Вильнюс|uk Вільнюс|zh 维尔纽斯
Tallinn|ar تالين|ru Таллин|uk Таллінн|zh 塔林
Chișinău|ar كيشيناو|ru Кишинёв|uk Кишинів|zh 基希讷乌
Astana|ar أستانا|ru Астана|uk Астана|zh 阿斯塔纳|zh-Hant 阿斯塔納
Almaty|ru Алма-Ата;Алматы|uk Алмати|zh 阿拉木图
Bishkek|ru Бишкек|uk Бішкек|zh 比什凯克
Dushanbe|ar دوشنبه|fa دوشنبه|ru Душанбе|uk Душанбе|zh 杜尚别
Tashkent|ar طشقند|fa تاشکند|ru Ташкент|uk Ташкент|zh 塔什干
Ashgabat|ar عشق آباد|fa عشق‌آباد|ru Ашхабад|uk Ашгабат|zh 阿什哈巴德
Nairobi|ar نيروبي|ja ナイロビ|ru Найроби|uk Найробі|zh 内罗毕|zh-Hant 奈洛比
Addis Ababa|ar أديس أبابا|ja アディスアベバ|ru Аддис-Абеба|uk Аддис-Абеба|zh 亚的斯亚贝巴
Kuala Lumpur|ar كوالالمبور|ja クアラルンプール|ru Куала-Лумпур|uk Куала-Лумпур|zh 吉隆坡
Yangon|ru Янгон|uk Янгон|zh 仰光
Mexico City|ar مكسيكو سيتي|ru Мехико|uk Мехіко|zh 墨西哥城
Buenos Aires|ar بوينس آيرس|ru Буэнос-Айрес|uk Буенос-Айрес|zh 布宜诺斯艾利斯
Ottawa|ar أوتاوا|ja オタワ|ru Оттава|uk Оттава|zh 渥太华|zh-Hant 渥太華
Sydney|ar سيدني|ja シドニー|ko 시드니|ru Сидней|uk Сідней|zh 悉尼
Havana|ar هافانا|ru Гавана|uk Гавана|zh 哈瓦那
New York|ar نيويورك|fa نیویورک|he ניו יורק|hi न्यूयॉर्क|ja ニューヨーク|ko 뉴욕|ru Нью-Йорк|uk Нью-Йорк|zh 纽约|zh-Hant 紐約
United States|ar الولايات المتحدة الأمريكية;أمريكا|fa ایالات متحده آمریکا;آمریکا;امریکا|he ארה"ב|hi संयुक्त राज्य अमेरिका|ja 米国|ru Соединённые Штаты Америки|zh 美利坚合众国
China|ar جمهورية الصين الشعبية|fa جمهوری خلق چین|hi चीनी जनवादी गणराज्य|ja 中華人民共和国|ko 중화인민공화국|ru КНР|zh 中华人民共和国|zh-Hant 中華人民共和國
Russia|ar روسيا الاتحادية|fa فدراسیون روسیه|ja ロシア連邦|ko 러시아 연방|ru Российская Федерация|uk Російська Федерація|zh 俄罗斯联邦|zh-Hant 俄羅斯聯邦
South Korea|ru Южная Корея|zh 南韩
North Korea|ko 조선민주주의인민공화국|ru Северная Корея|zh 北韩
United Kingdom|ja 英国|ko 영국
United Arab Emirates|ar الإمارات|ru Объединённые Арабские Эмираты
`;

/**
 * Country names that are also common words, left out whatever the source says: مالي and مالی are
 * "financial", माली a gardener, Того "of that" at the start of a Russian sentence, 오만 "arrogance".
 */
export const AMBIGUOUS_FORMS = new Set(['مالي', 'مالی', 'माली', 'Того', '오만']);

/**
 * Forms that are another name once their marks are gone, matched only where the text writes the
 * marks: عمّان (Amman, with its shadda) is عمان, which is Oman (عُمان) too. A text that leaves
 * the marks out is read as the country, the more common sense in news, as in CLDR.
 */
export const POINTED_FORMS = new Set(['عمّان']);

/**
 * Demonyms in other scripts, one country a line (`country|language forms separated by ";"|…`),
 * mentions of the country as their English ones are ("Indian", "Japanese"). Arabic lists the
 * masculine adjective only: its feminine (ـية) and the forms with ال are made from it, and clitics
 * (و، ب، ل) are read as for names; Russian and Ukrainian list the masculine nominative, whose
 * stem takes every case ending (японского, індійські), lower case and capitalised. Left out:
 * forms that are common words or other names (Persian چینی is also porcelain, Hebrew סיני is
 * Sinai) and ambiguous adjectives, as in English (Korean, Congolese).
 */
export const OTHER_SCRIPT_DEMONYMS = `
India|ar هندي;الهنود|he הודי;הודית|ru индийский|uk індійський
Japan|ar ياباني;اليابانيون;اليابانيين|fa ژاپنی|he יפני;יפנית|ru японский|uk японський
China|ar صيني;الصينيون;الصينيين|ru китайский|uk китайський
Russia|ar روسي;الروس|fa روسی|he רוסי;רוסית|ru российский;русский|uk російський
United States|ar أمريكي;أميركي;الأمريكيون;الأمريكيين;الأميركيون;الأميركيين|fa آمریکایی|he אמריקאי;אמריקאית|ru американский|uk американський
Pakistan|ar باكستاني|fa پاکستانی|he פקיסטני;פקיסטנית|ru пакистанский|uk пакистанський
Iran|ar إيراني;ايراني|fa ایرانی|he איראני;איראנית|ru иранский|uk іранський
Israel|ar إسرائيلي;اسرائيلي|fa اسرائیلی|he ישראלי;ישראלית|ru израильский|uk ізраїльський
Turkey|ar تركي|he טורקי;טורקית|ru турецкий|uk турецький
Egypt|ar مصري|fa مصری|he מצרי;מצרית|ru египетский|uk єгипетський
Saudi Arabia|ar سعودي|fa سعودی|he סעודי;סעודית|ru саудовский|uk саудівський
Jordan|ar أردني|fa اردنی|he ירדני;ירדנית|ru иорданский|uk йорданський
Iraq|ar عراقي|fa عراقی|he עיראקי;עיראקית|ru иракский|uk іракський
Syria|ar سوري|fa سوری|he סורי;סורית|ru сирийский|uk сирійський
Lebanon|ar لبناني|fa لبنانی|he לבנוני;לבנונית|ru ливанский|uk ліванський
Ukraine|ar أوكراني|fa اوکراینی|he אוקראיני;אוקראינית|ru украинский|uk український
France|ar فرنسي|fa فرانسوی|he צרפתי;צרפתית|ru французский|uk французький
Germany|ar ألماني|fa آلمانی|he גרמני;גרמנית|ru немецкий;германский|uk німецький
United Kingdom|ar بريطاني|fa بریتانیایی|he בריטי;בריטית|ru британский|uk британський
Qatar|ar قطري|fa قطری|he קטארי;קטארית|ru катарский|uk катарський
Yemen|ar يمني|fa یمنی|he תימני;תימנית|ru йеменский|uk єменський
Oman|ar عماني|fa عمانی|ru оманский|uk оманський
Afghanistan|ar أفغاني|he אפגני;אפגנית|ru афганский|uk афганський
`;
