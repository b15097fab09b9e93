interface Props {
  label: string;
  value: string;
  /** The first choice, meaning "no filter" ("All articles"). */
  any: string;
  options: readonly { id: string; name: string }[];
  onChange(value: string): void;
}

/** A labelled filter over records (articles, entities): "all" first, then each by name. */
export function FilterSelect({ label, value, any, options, onChange }: Props) {
  return (
    <label>
      <span className="muted small">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
