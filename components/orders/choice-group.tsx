"use client";

import { cn } from "@/lib/utils";

export type Choice<V extends string> = { value: V; label: string; hint?: string; disabled?: boolean };

/** A group of radio buttons drawn as cards: a fieldset with its legend, keyboard-operable as radios are. */
export function ChoiceGroup<V extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
  disabled,
  describedBy,
  invalid,
  testId,
  columns = "sm:grid-cols-3",
}: {
  legend: string;
  name: string;
  value: V;
  choices: Choice<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
  testId?: string;
  columns?: string;
}) {
  return (
    <fieldset className="grid gap-2" disabled={disabled} aria-describedby={describedBy} data-testid={testId}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className={cn("grid gap-2", columns)}>
        {choices.map((choice) => (
          <ChoiceCard
            key={choice.value}
            name={name}
            choice={choice}
            checked={choice.value === value}
            invalid={invalid}
            onChange={onChange}
          />
        ))}
      </div>
    </fieldset>
  );
}

function ChoiceCard<V extends string>({
  name,
  choice,
  checked,
  invalid,
  onChange,
}: {
  name: string;
  choice: Choice<V>;
  checked: boolean;
  invalid?: boolean;
  onChange: (value: V) => void;
}) {
  const hintId = `${name}-${choice.value}-hint`;
  return (
    <label
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors has-[:checked]:border-primary has-[:checked]:bg-primary/5",
        "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
      )}
    >
      <input
        type="radio"
        name={name}
        value={choice.value}
        checked={checked}
        disabled={choice.disabled}
        onChange={() => onChange(choice.value)}
        aria-describedby={choice.hint ? hintId : undefined}
        aria-invalid={invalid && checked ? true : undefined}
        className="mt-0.5 size-4 shrink-0 accent-primary focus-visible:outline-none"
      />
      <span className="grid min-w-0 gap-0.5">
        <span className="font-medium">{choice.label}</span>
        {choice.hint && (
          <span id={hintId} className="text-xs text-muted-foreground">
            {choice.hint}
          </span>
        )}
      </span>
    </label>
  );
}

/** For a field's description: several ids, the empty ones left out. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}
