import type { KeyboardEvent } from 'react';
import type { usePickerDialog } from './usePickerDialog';

interface Props {
  picker: Pick<ReturnType<typeof usePickerDialog>, 'id' | 'current' | 'setActive' | 'optionId'>;
  /** How many options are listed now (none: nothing is active). */
  count: number;
  label: string;
  placeholder: string;
  query: string;
  onQuery(query: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

/** The field of a "type to pick" dialog: a combobox over the dialog's list, typing starts again from its first option. */
export function PickerInput({ picker, count, label, placeholder, query, onQuery, onKeyDown }: Props) {
  return (
    <input
      type="text"
      role="combobox"
      aria-label={label}
      aria-expanded={count > 0}
      aria-controls={`${picker.id}-list`}
      aria-autocomplete="list"
      aria-activedescendant={count > 0 ? picker.optionId(picker.current) : undefined}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      autoFocus
      value={query}
      onChange={(e) => {
        onQuery(e.target.value);
        picker.setActive(0);
      }}
      onKeyDown={onKeyDown}
    />
  );
}
