export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive" aria-live="polite">
      {messages.join(" ")}
    </p>
  );
}
