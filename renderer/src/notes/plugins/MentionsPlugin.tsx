import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, useBasicTypeaheadTriggerMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, $getSelection, $isRangeSelection, $isTextNode, type TextNode } from 'lexical';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { type EntitySummary, type EntityType } from '../../../../electron/common/model/entity';
import { $createEntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { api } from '../../api';
import { queries } from '../../data/queries';
import { useNotify } from '../../ui/Toasts';
import { errorMessage } from '../../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';
import { typeName } from '../../i18n/i18n';

const MAX_OPTIONS = 8;
const NO_ENTITIES: EntitySummary[] = [];

class EntityOption extends MenuOption {
  constructor(
    readonly entity: { id: string; name: string; type: EntityType; matchedAlias: string | null } | null,
    /** For the "Create entity" option: the name typed. */
    readonly newName: string | null,
  ) {
    super(entity ? entity.id : `new:${newName}`);
  }
}

/** Entities whose name or an alias starts with (then contains) what was typed after @. */
export function matchEntities(entities: EntitySummary[], query: string): { entity: EntitySummary; alias: string | null }[] {
  const q = fold(query);
  const scored: { entity: EntitySummary; alias: string | null; score: number }[] = [];
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases];
    let best: { alias: string | null; score: number } | null = null;
    names.forEach((name, i) => {
      const n = fold(name);
      const at = q === '' ? 0 : n.startsWith(q) ? 0 : n.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : n.includes(q) ? 2 : -1;
      if (at === -1) return;
      const score = at * 2 + (i === 0 ? 0 : 1);
      if (!best || score < best.score) best = { alias: i === 0 ? null : name, score };
    });
    if (best) scored.push({ entity, ...(best as { alias: string | null; score: number }) });
  }
  return scored
    .sort((a, b) => a.score - b.score || b.entity.mentionCount - a.entity.mentionCount || a.entity.name.localeCompare(b.entity.name))
    .slice(0, MAX_OPTIONS);
}

/** The text node holding exactly `typed`, split out of the text that ends at the caret. */
function $typedBeforeCaret(typed: string): TextNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return null;
  const end = selection.anchor.offset;
  const start = end - typed.length;
  if (start < 0 || node.getTextContent().slice(start, end) !== typed) return null;
  const parts = node.splitText(start, end);
  return parts.find((p) => p.getTextContent() === typed) ?? null;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Type @ to mention an entity: a typeahead of entities by name and alias, or create one on the spot. */
export function MentionsPlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const entities = useQuery(queries.entities()).data?.entities ?? NO_ENTITIES;
  const notify = useNotify();
  const trigger = useBasicTypeaheadTriggerMatch('@', { minLength: 0, maxLength: 60, allowWhitespace: true });
  // The menu lives beside the editor, inside the page's landmarks, not loose at the end of <body>.
  const [parent, setParent] = useState<HTMLElement | undefined>(undefined);
  useEffect(() => editor.registerRootListener((root) => setParent(root?.parentElement ?? undefined)), [editor]);

  const options = useMemo(() => {
    if (query === null) return [];
    const found = matchEntities(entities, query).map(
      ({ entity, alias }) => new EntityOption({ id: entity.id, name: entity.name, type: entity.type, matchedAlias: alias }, null),
    );
    const typed = query.trim();
    const exact = entities.some((e) => [e.name, ...e.aliases].some((n) => fold(n) === fold(typed)));
    return typed && !exact ? [...found, new EntityOption(null, typed)] : found;
  }, [entities, query]);

  const onSelect = useCallback(
    (option: EntityOption, textNode: TextNode | null, closeMenu: () => void) => {
      const insert = (id: string, type: EntityType, name: string) =>
        editor.update(() => {
          const mention = $createEntityMentionNode(id, type, name);
          if (textNode) textNode.replace(mention);
          const space = $createTextNode(' ');
          mention.insertAfter(space);
          space.select(1, 1);
        });
      if (option.entity) {
        insert(option.entity.id, option.entity.type, option.entity.name);
        closeMenu();
        return;
      }
      const name = option.newName!;
      closeMenu();
      // The typed "@name" stays until the entity exists, then becomes the chip. The text node the
      // menu split off is merged back meanwhile, so the words are found again before the caret.
      void api['entities.create']({ name, type: 'other' }).then(
        ({ entity }) =>
          editor.update(() => {
            const target = $typedBeforeCaret(`@${name}`);
            if (!target) return;
            const mention = $createEntityMentionNode(entity.id, entity.type, entity.name);
            target.replace(mention);
            const space = $createTextNode(' ');
            mention.insertAfter(space);
            space.select(1, 1);
          }),
        (error: unknown) => notify({ tone: 'error', message: t('notes:couldNotCreateTheEntity', { error: errorMessage(error) }) }),
      );
    },
    [editor, notify, t],
  );

  return (
    <LexicalTypeaheadMenuPlugin<EntityOption>
      parent={parent}
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={trigger}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="mention-menu" role="listbox" aria-label={t('notes:entitiesToMention')}>
                {options.map((option, i) => (
                  <li
                    key={option.key}
                    ref={(el) => option.setRefElement(el)}
                    role="option"
                    aria-selected={selectedIndex === i}
                    className={selectedIndex === i ? 'selected' : undefined}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      setHighlightedIndex(i);
                      selectOptionAndCleanUp(option);
                    }}
                  >
                    {option.entity ? (
                      <>
                        <span className={`entity-dot entity-chip-${option.entity.type}`} aria-hidden="true" />
                        <span className="mention-name" dir="auto">{option.entity.name}</span>
                        {option.entity.matchedAlias && <span className="mention-alias" dir="auto">{t('notes:also', { matchedAlias: option.entity.matchedAlias })}</span>}
                        <span className="mention-type">{typeName(option.entity.type)}</span>
                      </>
                    ) : (
                      <span className="mention-create">
                        {t('notes:createEntity')}<span dir="auto">{option.newName}</span>’
                      </span>
                    )}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
