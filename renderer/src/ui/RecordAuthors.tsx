import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isUnknownCreator, type Creator } from '../../../electron/common/model/annotation';
import { queries } from '../data/queries';
import { useDates } from './formatDate';
import './recordAuthors.css';

/** Whether `RecordAuthors` shows a line for a record: someone other than `me` is named on it. */
export function showsAuthors(createdBy: Creator, modifiedBy: Creator, me: string | undefined): boolean {
  return me !== undefined && [createdBy, modifiedBy].some((c) => !isUnknownCreator(c) && c.name !== me);
}

interface Props {
  createdBy: Creator;
  modifiedBy: Creator;
  created: string;
  modified: string;
}

/**
 * A quiet line saying who added a record and who changed it last, and when: "Added by Ben
 * Colleague · changed by Asha Rao, 6 Dec 2026".
 *
 * Shown only when someone other than the analyst at this window (the display name new records
 * are attributed to) is involved: in a workspace only ever used by one person every record is
 * theirs, and a line on every card saying so would be noise. A name nobody recorded (a record
 * from before names were kept, read without upgrading it) is not shown as a person.
 */
export function RecordAuthors({ createdBy, modifiedBy, created, modified }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const me = useQuery(queries.workspace()).data?.creator.name;
  const known = (c: Creator) => !isUnknownCreator(c);
  if (!showsAuthors(createdBy, modifiedBy, me)) return null;
  const text =
    known(createdBy) && known(modifiedBy) && createdBy.name === modifiedBy.name
      ? modified === created
        ? t('ui:addedByOn', { name: createdBy.name, date: dates.date(created) })
        : t('ui:addedAndChangedBy', { name: createdBy.name, date: dates.date(modified) })
      : [
          known(createdBy) ? t('ui:addedBy', { name: createdBy.name }) : null,
          known(modifiedBy) ? t(known(createdBy) ? 'ui:changedBy' : 'ui:changedByFirst', { name: modifiedBy.name, date: dates.date(modified) }) : null,
        ]
          .filter(Boolean)
          .join(t('ui:authorsSeparator'));
  return (
    <p className="record-authors" data-testid="record-authors">
      {text}
    </p>
  );
}

/**
 * For a list's one line: when a record was last changed, and by whom when that was someone other
 * than the analyst at this window ("changed by Ben Colleague, 6 Dec 2026", or "added by" when it
 * never changed since); the date alone otherwise.
 */
export function useLastChange(): (record: { created: string; modified: string; modifiedBy: Creator }) => string {
  const { t } = useTranslation();
  const dates = useDates();
  const me = useQuery(queries.workspace()).data?.creator.name;
  return ({ created, modified, modifiedBy }) => {
    if (me === undefined || isUnknownCreator(modifiedBy) || modifiedBy.name === me) return dates.date(modified);
    return t(modified === created ? 'ui:addedByInList' : 'ui:changedBy', { name: modifiedBy.name, date: dates.date(modified) });
  };
}
