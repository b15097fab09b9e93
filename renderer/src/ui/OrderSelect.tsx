/** A list's sort order, chosen from its named orders ("Sort articles", "Sort notes" …). */
export function OrderSelect<T extends string>({
  label,
  value,
  orders,
  onChange,
  className,
}: {
  label: string;
  value: T;
  orders: readonly { value: T; label: string }[];
  onChange(order: T): void;
  className?: string;
}) {
  return (
    <select aria-label={label} className={className} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {orders.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
