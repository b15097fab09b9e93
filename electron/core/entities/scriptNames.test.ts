import { describe, expect, it } from 'vitest';
import { scriptGazetteerIndex, scriptNames } from './gazetteer';
import { cyrillicStem, ScriptNameIndex } from './scriptNames';
import { hasCase, mostlyLatin, scriptAt } from './scripts';
import { tokenize } from './tokenize';

/** [mention, name] of every bundled name the text holds, in text order. */
function found(text: string): [string, string][] {
  return scriptGazetteerIndex()
    .find(text, tokenize(text))
    .sort((x, y) => x.start - y.start || y.end - x.end)
    .map((m) => [text.slice(m.start, m.end), m.payload.name]);
}

/** Only the longest match at each place, as detection keeps them. */
function longest(text: string): [string, string][] {
  const all = scriptGazetteerIndex()
    .find(text, tokenize(text))
    .sort((x, y) => y.end - y.start - (x.end - x.start));
  const kept: typeof all = [];
  for (const m of all) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((x, y) => x.start - y.start).map((m) => [text.slice(m.start, m.end), m.payload.name]);
}

describe('names in unspaced scripts', () => {
  it('finds a name inside a run of Chinese at word boundaries', () => {
    expect(found('印度国防部长与日本防卫大臣在新德里举行会谈')).toEqual([
      ['印度', 'India'],
      ['日本', 'Japan'],
      ['新德里', 'New Delhi'],
    ]);
  });

  it('never finds a name across a word boundary: 宪法国家 holds 法国 (France) only as letters', () => {
    expect(found('这是宪法国家的原则')).toEqual([]);
  });

  it('lets the longer name win: 印度洋 and インド洋 are the Indian Ocean, not India', () => {
    expect(longest('在印度洋的海上安全合作')).toEqual([['印度洋', 'Indian Ocean']]);
    expect(longest('インド洋における協力')).toEqual([['インド洋', 'Indian Ocean']]);
  });

  it('reads Japanese kana names split by the segmenter (ニュー|デリー) and Traditional Chinese forms', () => {
    // デリー (Delhi) stands inside it too; detection keeps the longer name.
    expect(longest('チームがニューデリーを訪れ')).toEqual([['ニューデリー', 'New Delhi']]);
    expect(found('美國與中國在台灣海峽')).toEqual([
      ['美國', 'United States'],
      ['中國', 'China'],
      ['台灣海峽', 'Taiwan Strait'],
    ]);
  });
});

describe('names with clitics and particles', () => {
  it('finds an Arabic name after و ب ل ف ك, with ل before ال fused (للهند)', () => {
    for (const word of ['الهند', 'والهند', 'بالهند', 'وبالهند', 'فالهند', 'كالهند', 'للهند', 'وللهند']) {
      expect(found(`تعاون ${word} مع`), word).toHaveLength(1);
      expect(found(`تعاون ${word} مع`)[0]![1]).toBe('India');
    }
    // The mention leaves the clitic out, unless it fused with the article.
    expect(found('قال وزير والهند')).toEqual([['الهند', 'India']]);
    expect(found('سافر للهند')).toEqual([['للهند', 'India']]);
  });

  it('reads Arabic with or without tashkeel, and never a name inside a longer word', () => {
    expect(found('زار الهِنْدَ أمس')).toEqual([['الهِنْدَ', 'India']]);
    // الهندي is "Indian", India's demonym (a mention of India, as "Indian" is); مالي is "financial", not Mali.
    expect(found('وزير الدفاع الهندي ودعم مالي')).toEqual([['الهندي', 'India']]);
    expect(found('الهنديات والهندوس')).toEqual([]);
  });

  it('folds Persian and Arabic yeh and kaf, and reads a name with a joiner or a space', () => {
    expect(found('سفر به دهلی نو')).toEqual([['دهلی نو', 'New Delhi']]);
    expect(found('سفر به دهلي نو')).toEqual([['دهلي نو', 'New Delhi']]);
    expect(found('در اسلام‌آباد')).toEqual([['اسلام‌آباد', 'Islamabad']]);
  });

  it('finds a Hebrew name after prefixed particles', () => {
    expect(longest('נפגשו בטוקיו ולניו דלהי')).toEqual([
      ['טוקיו', 'Tokyo'],
      ['ניו דלהי', 'New Delhi'],
    ]);
    // "His Japanese counterpart": the demonym, its article left out of the mention.
    expect(found('עמיתו היפני')).toEqual([['יפני', 'Japan']]);
  });

  it('finds a Korean name before particles only: 뉴델리에서 is New Delhi, 인도양 is not India', () => {
    expect(longest('뉴델리에서 인도의 국방장관과 일본과의 회담, 인도양에서의 협력, 인도네시아')).toEqual([
      ['뉴델리', 'New Delhi'],
      ['인도', 'India'],
      ['일본', 'Japan'],
      ['인도양', 'Indian Ocean'],
      ['인도네시아', 'Indonesia'],
    ]);
  });

  it('finds Devanagari names as whole words, vowel signs and all', () => {
    expect(longest('भारत के रक्षा मंत्री नई दिल्ली में, भारतीय नौसेना')).toEqual([
      ['भारत', 'India'],
      ['नई दिल्ली', 'New Delhi'],
    ]);
  });
});

describe('inflected Cyrillic names', () => {
  it('finds Russian and Ukrainian case forms of a name and of each word of a longer one', () => {
    expect(found('Министр обороны Индии встретился с коллегой из Японии в Индию и Китаем')).toEqual([
      ['Индии', 'India'],
      ['Японии', 'Japan'],
      ['Индию', 'India'],
      ['Китаем', 'China'],
    ]);
    expect(found('в Індійському океані біля Південної Кореї')).toEqual([
      ['Індійському океані', 'Indian Ocean'],
      ['Південної Кореї', 'South Korea'],
    ]);
  });

  it('keeps the capital and the stem: "Индийском" is India\'s adjective, not its name; "индии" and "Мало" are nothing', () => {
    // Индия's stem (Инди) takes no ending "йском": this is the demonym, a mention as "Indian" is.
    expect(found('в Индийском')).toEqual([['Индийском', 'India']]);
    expect(found('Мало кто знал об индии')).toEqual([]);
    expect(found('Мали')).toEqual([['Мали', 'Mali']]);
  });

  it('cuts a stem a name may inflect on, and none from a short one-word name', () => {
    expect(cyrillicStem('Индия', 4)).toBe('Инди');
    expect(cyrillicStem('Индийский', 3)).toBe('Индийск');
    expect(cyrillicStem('Китай', 4)).toBe('Кита');
    expect(cyrillicStem('Куба', 4)).toBeNull();
  });
});

describe('the bundled names in other scripts', () => {
  it('names India in every language it carries, and each name is an English gazetteer entry', async () => {
    const { gazetteerEntries } = await import('./gazetteer');
    const english = new Set(gazetteerEntries().map((e) => e.name));
    const names = scriptNames();
    for (const n of names) expect(english.has(n.name), n.name).toBe(true);
    const india = names.filter((n) => n.name === 'India').map((n) => `${n.language} ${n.form}`);
    expect(india).toEqual(['ar الهند', 'fa هند', 'he הודו', 'hi भारत', 'ja インド', 'ko 인도', 'ru Индия', 'uk Індія', 'zh 印度']);
    expect(new Set(names.map((n) => n.name)).size).toBeGreaterThan(200);
  });

  it('indexes only forms in scripts other than Latin', () => {
    const index = new ScriptNameIndex<string>();
    index.add('India', 'latin');
    index.add('  ', 'blank');
    index.add('印度', 'zh');
    expect(index.size).toBe(1);
  });
});

describe('scripts', () => {
  it('tells cased scripts from caseless ones', () => {
    expect(['India', 'Индия', 'Ελλάδα', 'Հայաստան'].map((w) => hasCase(scriptAt(w, 0)))).toEqual([true, true, true, true]);
    expect(['الهند', 'הודו', '印度', 'インド', '인도', 'भारत'].map((w) => hasCase(scriptAt(w, 0)))).toEqual([false, false, false, false, false, false]);
  });

  it('reads a text as mostly Latin by its letters, not its words', () => {
    expect(mostlyLatin('India and Japan met in Tokyo (东京).')).toBe(true);
    expect(mostlyLatin('印度国防部长与日本防卫大臣 met')).toBe(false);
    expect(mostlyLatin('Министр обороны Индии, NATO')).toBe(false);
  });
});

describe('demonyms and pointed names in other scripts', () => {
  it('reads Amman where the text writes its shadda, and Oman where it writes none or a damma', () => {
    expect(found('زار عمّان ثم عَمَّان وبعمّان')).toEqual([
      ['عمّان', 'Amman'],
      ['عَمَّان', 'Amman'],
      ['عمّان', 'Amman'],
    ]);
    expect(found('سلطنة عُمان وعمان')).toEqual([
      ['عُمان', 'Oman'],
      ['عمان', 'Oman'],
    ]);
    // Whole words only: عمّانيين (people of Amman) is not the city.
    expect(found('للعمّانيين')).toEqual([]);
    expect(found('Амман и Оман')).toEqual([
      ['Амман', 'Amman'],
      ['Оман', 'Oman'],
    ]);
  });

  it('links Arabic demonyms in both genders, with the article and clitics, to their country', () => {
    expect(found('الوزير الهندي والوزيرة الهندية وهندي وبالياباني والصينيين')).toEqual([
      ['الهندي', 'India'],
      ['الهندية', 'India'],
      ['هندي', 'India'],
      ['الياباني', 'Japan'],
      ['الصينيين', 'China'],
    ]);
    expect(found('الجيش الإسرائيلي والقوات الأمريكية')).toEqual([
      ['الإسرائيلي', 'Israel'],
      ['الأمريكية', 'United States'],
    ]);
  });

  it('links Russian and Ukrainian demonyms in every case, lower case or capitalised', () => {
    expect(found('Индийский министр встретился с японским коллегой и китайской делегацией')).toEqual([
      ['Индийский', 'India'],
      ['японским', 'Japan'],
      ['китайской', 'China'],
    ]);
    expect(found('український міністр та японської делегації')).toEqual([
      ['український', 'Ukraine'],
      ['японської', 'Japan'],
    ]);
  });

  it('carries demonyms only for countries of the English gazetteer, apart from their names', async () => {
    const { gazetteerEntries, scriptDemonyms } = await import('./gazetteer');
    const countries = new Set(gazetteerEntries().filter((e) => e.demonyms.length > 0).map((e) => e.name));
    for (const d of scriptDemonyms()) expect(countries.has(d.name), d.name).toBe(true);
    expect(scriptDemonyms().filter((d) => d.name === 'India' && d.language === 'ar').map((d) => d.form)).toEqual(['هندي', 'هندية', 'الهندي', 'الهندية', 'الهنود']);
  });
});
