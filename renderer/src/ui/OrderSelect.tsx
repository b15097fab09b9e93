import { useTranslation } from 'react-i18next';

/**
 * A list's sort order, chosen from its named orders ("Sort articles", "Sort notes" …). The orders'
 * labels are catalog keys (`library:newestFirst`); a label already in words shows as it is.
 */
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
  const { t } = useTranslation();
  return (
    <select aria-label={label} className={className} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {orders.map((o) => (
        <option key={o.value} value={o.value}>
          {t(o.label)}
        </option>
      ))}
    </select>
  );
}
