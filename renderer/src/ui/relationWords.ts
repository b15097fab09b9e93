import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RELATION_TYPES } from '../../../electron/common/model/relation';

/** The English words of the vocabulary a workspace starts with, each with its catalog key. */
const DEFAULT_WORDS = new Map<string, string>(
  DEFAULT_RELATION_TYPES.flatMap((type) => [
    [type.label, `ui:relationType.${type.key}.label`],
    [type.inverse, `ui:relationType.${type.key}.inverse`],
  ]),
);

/**
 * A relationship type's words as the analyst reads them. The vocabulary a workspace starts with is
 * stored in English (it is data the analyst may rename and that syncs to a team); while a label is
 * still the one Dossier gave it, it is shown in the UI's language. A label the analyst wrote is
 * theirs and is shown as written.
 */
export function useRelationWords(): (label: string) => string {
  const { t } = useTranslation();
  return useCallback((label: string) => {
    const key = DEFAULT_WORDS.get(label);
    return key ? t(key) : label;
  }, [t]);
}
