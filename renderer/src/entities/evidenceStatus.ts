import type { EvidenceView } from '../../../electron/common/model/relation';
import { t } from '../i18n/i18n';

/** Words for where a piece of evidence stands, in the UI language; colour never says it alone. Null when it stands where it was. */
export function evidenceStatusNote(status: EvidenceView['status']): string | null {
  return status === 'anchored' ? null : t(`entities:evidenceStatus.${status}`);
}
