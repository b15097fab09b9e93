import { useState } from 'react';

/**
 * A choice the analyst makes once per workspace and expects to find again (a list's order), kept
 * in localStorage under `dossier.<name>.<workspaceId>`; an unknown stored value falls back.
 */
export function useStoredChoice<T extends string>(name: string, workspaceId: string | null, choices: readonly { value: T }[], fallback: T): [T, (next: T) => void] {
  const [chosen, setChosen] = useState<{ workspaceId: string | null; value: T } | null>(null);
  const key = workspaceId ? `dossier.${name}.${workspaceId}` : null;
  let value = fallback;
  if (chosen && chosen.workspaceId === workspaceId) value = chosen.value;
  else {
    const stored = key ? localStorage.getItem(key) : null;
    const known = choices.find((c) => c.value === stored);
    if (known) value = known.value;
  }
  const choose = (next: T) => {
    setChosen({ workspaceId, value: next });
    if (key) localStorage.setItem(key, next);
  };
  return [value, choose];
}
