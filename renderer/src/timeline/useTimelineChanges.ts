import { useMemo } from 'react';
import type { CallRequest } from '../../../electron/common/contract';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';

/**
 * The timeline's writes: each reported to the save indicator, a failure told in a toast. What they
 * change comes back through the change feed (events and suggestions refresh by themselves).
 */
export function useTimelineChanges() {
  const { t } = useTranslation();
  const { saves, undo } = useAppActions();
  const notify = useNotify();
  return useMemo(() => {
    const run = async <T,>(write: () => Promise<T>): Promise<T | null> => {
      try {
        return await saves.track(write());
      } catch (error) {
        notify({ tone: 'error', message: errorMessage(error) });
        return null;
      }
    };
    return {
      confirm: (request: CallRequest<'timeline.confirm'>) => run(() => api['timeline.confirm'](request)),
      dismiss: (request: CallRequest<'timeline.dismiss'>) => run(() => api['timeline.dismiss'](request)),
      add: (request: CallRequest<'timeline.add'>) => run(() => api['timeline.add'](request)),
      update: (request: CallRequest<'timeline.update'>) => run(() => api['timeline.update'](request)),
      remove: async (request: CallRequest<'timeline.delete'>) => {
        if (await run(() => api['timeline.delete'](request))) notify({ tone: 'info', message: t('timeline:eventRemovedFromTheTimeline'), action: { label: t('timeline:undo'), run: () => undo('timeline') } });
      },
    };
  }, [notify, saves, undo, t]);
}
