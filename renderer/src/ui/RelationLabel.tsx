import { directionOf } from '../../../electron/common/i18n/uiLanguage';
import { uiLanguage } from '../i18n/i18n';
import { useRelationWords } from './relationWords';

/** The arrow of a relationship, pointing from its first end to its second as the line reads. */
export function relationArrow(): '→' | '←' {
  return directionOf(uiLanguage()) === 'rtl' ? '←' : '→';
}

/**
 * "—partner in→" between a relationship's two ends. In the Arabic UI the line reads from the right,
 * so the first end stands on the right and the arrow points left; the label is isolated (`bdi`) so
 * a label in another script never pulls the dash and the arrow out of place.
 */
export function RelationLabel({ label }: { label: string }) {
  // Subscribed to the language (through the words), so the arrow turns when it changes.
  const words = useRelationWords();
  return (
    <span className="relation-label">
      —<bdi>{words(label)}</bdi>
      {relationArrow()}
    </span>
  );
}
