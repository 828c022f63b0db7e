import { CopyButton } from "@/components/ui/copy-button";

/**
 * One labelled value of a DNS record, in a monospace font, with a copy button when asked.
 * The button sits inside the <dd>: a definition list holds only terms and descriptions.
 */
export function CopyableValue({
  label,
  value,
  copy,
  testId,
}: {
  label: string;
  value: string;
  copy?: { label: string; copiedLabel: string };
  testId?: string;
}) {
  return (
    <div className="grid items-center gap-1 sm:grid-cols-[6rem_1fr]">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="flex items-center justify-between gap-2">
        <span className="font-mono text-sm break-all" data-testid={testId}>
          {value}
        </span>
        {copy && <CopyButton value={value} label={copy.label} copiedLabel={copy.copiedLabel} />}
      </dd>
    </div>
  );
}
