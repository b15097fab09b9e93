import { useTranslation } from 'react-i18next';
import type { SyncTarget } from '../../../electron/common/model/sync';

/** A sync run's progress as the core reports it (`sync.progress`). */
export type Progress = { phase: 'prepare' | 'push' | 'pull' | 'apply'; done: number; total?: number };

/** What a run is doing, in words, with a bar (indeterminate until a total is known). */
export function ProgressLine({ progress }: { progress: Progress | null }) {
  const { t } = useTranslation();
  const words = progress ? t(`sync:progress.${progress.phase}`, { done: progress.done }) : t('sync:progress.start');
  return (
    <p className="sync-progress">
      <progress aria-label={t('sync:syncing')} {...(progress?.total ? { value: progress.done, max: progress.total } : {})} />
      <span>{words}</span>
    </p>
  );
}

export interface Credentials {
  username: string;
  password: string;
  token: string;
  useToken: boolean;
}

export const NO_CREDENTIALS: Credentials = { username: '', password: '', token: '', useToken: false };

export function targetOf(credentials: Credentials): SyncTarget {
  return credentials.useToken ? { token: credentials.token } : { username: credentials.username, password: credentials.password };
}

/** User name and password, or a proxy's token behind "Use a token instead". */
export function CredentialFields({ value, onChange }: { value: Credentials; onChange(next: Credentials): void }) {
  const { t } = useTranslation();
  return (
    <>
      {value.useToken ? (
        <label>
          {t('sync:token')}
          <input type="password" autoComplete="off" spellCheck={false} value={value.token} onChange={(e) => onChange({ ...value, token: e.target.value })} required />
        </label>
      ) : (
        <>
          <label>
            {t('sync:userName')}
            <input autoComplete="username" spellCheck={false} value={value.username} onChange={(e) => onChange({ ...value, username: e.target.value })} required />
          </label>
          <label>
            {t('sync:password')}
            <input type="password" autoComplete="current-password" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} required />
          </label>
        </>
      )}
      <label className="sync-check">
        <input type="checkbox" checked={value.useToken} onChange={(e) => onChange({ ...value, useToken: e.target.checked })} />
        {t('sync:useToken')}
      </label>
    </>
  );
}
