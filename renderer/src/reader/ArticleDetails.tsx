import { useEffect, useRef, useState } from 'react';
import { currentVersion, type ArticleMeta, type EditableMeta } from '../../../electron/common/model/article';
import { api } from '../api';
import { fileToImport } from '../ui/fileData';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { dates } from '../ui/formatDate';
import { encodingName } from '../../../electron/common/model/textEncoding';
import { useTranslation } from 'react-i18next';

interface Props {
  article: ArticleMeta;
  onClose(): void;
  onChanged(): void;
}

type Draft = Record<keyof EditableMeta, string>;

const FIELDS: { key: keyof EditableMeta; label: string; type?: string; placeholder?: string }[] = [
  { key: 'title', label: 'reader:title' },
  { key: 'outlet', label: 'reader:outlet', placeholder: 'reader:eGTheHindu' },
  { key: 'author', label: 'reader:author' },
  { key: 'published', label: 'reader:published', type: 'date' },
  { key: 'language', label: 'reader:language', placeholder: 'reader:eGEnFrAr' },
  { key: 'source', label: 'reader:sourceFileOrUrl' },
  { key: 'url', label: 'reader:url', type: 'url' },
];


/** Details of an article: editable metadata, provenance of every version, and "Replace with new version…". */
export function ArticleDetails({ article, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => toDraft(article));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState<{ version: number; text: string } | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const patch = Object.fromEntries(
        FIELDS.map(({ key }) => [key, key === 'title' || key === 'source' ? draft[key].trim() : draft[key].trim() || null]),
      ) as Partial<EditableMeta>;
      await api['articles.updateMeta']({ id: article.id, patch });
      onChanged();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const replace = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const { article: next, counts } = await api['articles.replace']({ id: article.id, file: await fileToImport(file) });
      notify({
        tone: 'info',
        message: t('reader:nowShowingVersionHighlightsAnchored', { version: next.version, anchored: counts.anchored, drifted: counts.drifted, orphaned: counts.orphaned }),
      });
      onChanged();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const current = currentVersion(article);
  return (
    <dialog ref={dialog} className="details-dialog" aria-labelledby="details-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="details-title">{t('reader:articleDetails')}</h2>
        <div className="form-grid">
          {FIELDS.map(({ key, label, type, placeholder }) => (
            <label key={key}>
              {t(label)}
              <input
                type={type ?? 'text'}
                value={draft[key]}
                placeholder={placeholder && t(placeholder)}
                dir={key === 'title' || key === 'outlet' || key === 'author' ? 'auto' : undefined}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            </label>
          ))}
        </div>

        <h3>{t('reader:provenance')}</h3>
        <table className="versions">
          <caption className="visually-hidden">{t('reader:versionsOfThisArticle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reader:version2')}</th>
              <th scope="col">{t('reader:imported')}</th>
              <th scope="col">{t('reader:file')}</th>
              <th scope="col">{t('reader:sha256')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {[...article.versions].reverse().map((v) => (
              <tr key={v.version} aria-current={v.version === current.version ? 'true' : undefined}>
                <td>
                  {v.version}
                  {v.version === current.version ? t('reader:shown') : ''}
                </td>
                <td>{dates().dateTime(v.importedAt)}</td>
                <td>
                  {v.source}
                  {/* Provenance a reader of the original file needs: the encoding it was read in, when not UTF-8. */}
                  {v.encoding && t('reader:readAsEncoding', { encoding: encodingName(v.encoding) })}
                </td>
                <td>
                  <code className="hash">{v.sha256}</code>
                </td>
                <td>
                  {v.version !== current.version && (
                    <button
                      type="button"
                      onClick={() =>
                        void api['articles.versionText']({ id: article.id, version: v.version }).then(
                          ({ text }) => setViewing({ version: v.version, text }),
                          (e: unknown) => setError(errorMessage(e)),
                        )
                      }
                    >
                      {t('reader:read')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {viewing && (
          <section className="old-version" aria-label={t('reader:version', { version: viewing.version })}>
            <h3>{t('reader:versionReadOnly', { version: viewing.version })}</h3>
            <div className="old-version-text" dir="auto" tabIndex={0}>
              {viewing.text}
            </div>
          </section>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
            {t('reader:replaceWithNewVersion')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label={t('reader:newVersionOfTheArticle')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void replace(file);
            }}
          />
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('reader:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('reader:saveDetails')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function toDraft(meta: ArticleMeta): Draft {
  return Object.fromEntries(FIELDS.map(({ key }) => [key, meta[key] ?? ''])) as Draft;
}
