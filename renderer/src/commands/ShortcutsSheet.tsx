import { Fragment, useEffect, useId, useMemo, useRef } from 'react';
import { isMac, shortcutLabel } from '../ui/shortcuts';
import { shortcutSections } from './shortcutSections';
import './ShortcutsSheet.css';
import { Trans, useTranslation } from 'react-i18next';

/** Every key Dossier answers to, from the command registry, grouped by where it works (F1, or `?` outside a field). */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const sections = useMemo(() => shortcutSections(isMac), []);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Closed by its key again, the sheet is taken away without close(): focus goes back by hand.
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-sheet"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && dialog.current.close()}
    >
      <div className="shortcuts-sheet-body">
        <header className="shortcuts-sheet-header">
          <h2 id={`${id}-title`}>{t('ui:keyboardShortcuts')}</h2>
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {t('ui:close')}
          </button>
        </header>
        <div className="shortcuts-sheet-sections">
          {sections.map((section, s) => (
            <section key={section.title} aria-labelledby={`${id}-s${s}`}>
              <h3 id={`${id}-s${s}`}>{section.title}</h3>
              <table>
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">{t('ui:action')}</th>
                    <th scope="col">{t('ui:keys')}</th>
                  </tr>
                </thead>
                <tbody>
                  {section.rows.map((row) => (
                    <tr key={row.id} data-command={row.id}>
                      <th scope="row">{row.title}</th>
                      <td>
                        {row.keys.map((key, i) => (
                          <Fragment key={key}>
                            {i > 0 && <span className="shortcut-or">{row.keys.length === 2 ? t('ui:or') : ' '}</span>}
                            <kbd>{key}</kbd>
                          </Fragment>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <p className="shortcuts-sheet-hint">
          <Trans i18nKey="ui:paletteHint" values={{ key: shortcutLabel('command-palette') }} components={{ kbd: <kbd /> }} />
        </p>
      </div>
    </dialog>
  );
}
