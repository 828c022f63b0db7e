import { TableHead } from "@/components/ui/table";

/** Column headers over right-aligned figures. */
export function AmountHeads({ labels }: { labels: string[] }) {
  return labels.map((label) => (
    <TableHead key={label} scope="col" className="text-right">
      {label}
    </TableHead>
  ));
}
