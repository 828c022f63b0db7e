/** The key above a chart; the chart is a picture of numbers said elsewhere, so this is hidden too. */
export function ChartLegend({ items }: { items: { label: string; swatchClassName: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span className={item.swatchClassName} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
