import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { step } from '../../../electron/common/model/phrase';
import { describeWorkspaceFile } from '../backups/fileLabels';
import { evidenceStatusNote } from '../entities/evidenceStatus';
import { period } from '../entities/relationText';
import { matchStatus } from '../reader/findInText';
import { relationArrow } from '../ui/RelationLabel';
import { credibilityName, i18n, listed, lossName, reliabilityName, stepName, typeName, undoTitle } from './i18n';

/** Words the UI builds from the core's data, in whichever language the window speaks now. */
describe('labels from data, in the UI language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  describe('in English', () => {
    beforeEach(async () => {
      await i18n.changeLanguage('en');
    });

    it('keeps the words the UI always had', () => {
      expect(undoTitle('undo', step('addHighlight'))).toBe('Undo add highlight');
      expect(stepName(step('importArticles', { count: 3 }))).toBe('import 3 articles');
      expect(typeName('organization')).toBe('Organisation');
      expect(listed(['Rajnath Singh', typeName('person'), '¶ 1'])).toBe('Rajnath Singh, Person, ¶ 1');
      expect(matchStatus(2, 12, false, String)).toBe('3 of 12');
      expect(matchStatus(-1, 1, false, String)).toBe('1 match');
      expect(matchStatus(-1, 7, false, String)).toBe('7 matches');
      expect(period({ start: '2024', end: null })).toBe('from 2024');
      expect(evidenceStatusNote('drifted')).toBe('the words changed in the new version');
      expect(evidenceStatusNote('anchored')).toBeNull();
      expect(relationArrow()).toBe('→');
      expect([reliabilityName('B'), credibilityName(2)]).toEqual(['Usually reliable', 'Probably true']);
    });
  });

  describe('in Arabic', () => {
    beforeEach(async () => {
      await i18n.changeLanguage('ar');
    });

    it('names undo steps, with the names they hold left as they are', () => {
      expect(undoTitle('undo', step('addHighlight'))).toBe('التراجع عن إضافة تظليل');
      expect(undoTitle('redo', null)).toBe('إعادة');
      expect(stepName(step('acceptEntity', { name: 'Rajnath Singh' }))).toBe('قبول Rajnath Singh');
      expect(lossName([{ key: 'noteWithText', params: { title: 'Plan' } }])).toBe('الملاحظة «Plan» ونصها');
    });

    it('names entity types, and lists words with the Arabic comma', () => {
      expect(['person', 'organization', 'place', 'event', 'agreement', 'other'].map(typeName)).toEqual(['شخص', 'منظمة', 'مكان', 'حدث', 'اتفاقية', 'أخرى']);
      // A type the UI does not know (a newer workspace) shows as it is stored.
      expect(typeName('vessel')).toBe('vessel');
      expect(listed(['Rajnath Singh', typeName('person'), '¶ 1', null])).toBe('Rajnath Singh، شخص، ¶ 1');
    });

    it('counts find matches with the Arabic plural forms', () => {
      expect(matchStatus(2, 12, false, String)).toBe('3 من 12');
      expect(matchStatus(-1, 0, false, String)).toBe('لا تطابقات');
      expect(matchStatus(-1, 1, false, String)).toBe('تطابق واحد');
      expect(matchStatus(-1, 2, false, String)).toBe('تطابقان');
      expect(matchStatus(-1, 5, false, String)).toBe('5 تطابقات');
      expect(matchStatus(-1, 11, false, String)).toBe('11 تطابقًا');
      expect(matchStatus(-1, 100, false, String)).toBe('100 تطابق');
      expect(matchStatus(0, 10_000, true, (n) => new Intl.NumberFormat('ar-EG').format(n))).toBe('١ من ١٠٬٠٠٠+');
    });

    it('says when a relationship held and where its evidence stands, and points its arrow to the left', () => {
      expect(period({ start: '2024', end: null })).toBe('منذ 2024');
      expect(period({ start: null, end: '2025-05-05' })).toBe('حتى 2025-05-05');
      expect(evidenceStatusNote('deleted')).toBe('حُذف التظليل');
      expect(relationArrow()).toBe('←');
    });

    it('grades sources and information in Arabic words', () => {
      expect([reliabilityName('A'), reliabilityName('F'), credibilityName(1), credibilityName(6)]).toEqual(['موثوق تمامًا', 'لا يمكن الحكم على موثوقيته', 'مؤكَّدة من مصادر أخرى', 'لا يمكن الحكم على صحتها']);
    });

    it('names backed-up files with Arabic quotation marks', () => {
      const titles = new Map([['art_1', 'India and Japan agree']]);
      expect(describeWorkspaceFile('articles/art_1/annotations.json', titles)).toBe('تظليلات «India and Japan agree»');
      expect(describeWorkspaceFile('relations.json', titles)).toBe('العلاقات');
    });
  });
});
