"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Loader2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { createWebhookTargetAction } from "@/app/(console)/deployment-targets/actions";
import { type EndpointDraft, EndpointsEditor, endpointsInput } from "@/components/deployment-targets/endpoints-editor";
import { SigningSecret } from "@/components/deployment-targets/signing-secret";
import {
  FormField,
  type Problems,
  problemsOfRefusal,
  useProblemText,
} from "@/components/deployment-targets/target-form-parts";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { createWebhookTargetInputSchema, problemsByField } from "@/lib/deployment-targets/deployment-target-input";
import { deploymentTargetKeys } from "@/lib/queries/deployment-targets";

/** Adding a deploy webhook; its signing secret is shown once, in this dialog, after saving. */
export function WebhookTargetDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("deploymentTargets");
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [includePrivateKey, setIncludePrivateKey] = useState(false);
  const [endpoints, setEndpoints] = useState<EndpointDraft[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const problemAt = useProblemText(problems);

  const close = (next: boolean) => {
    if (!next) {
      setName("");
      setUrl("");
      setIncludePrivateKey(false);
      setEndpoints([]);
      setProblems({});
      setSecret(null);
    }
    onOpenChange(next);
  };

  const save = () =>
    startSaving(async () => {
      const input = { name, url, includePrivateKey, endpoints: endpointsInput(endpoints) };
      const checked = createWebhookTargetInputSchema.safeParse(input);
      if (!checked.success) {
        setProblems(problemsByField(checked.error.issues));
        return;
      }
      setProblems({});
      try {
        const result = await createWebhookTargetAction(input as Parameters<typeof createWebhookTargetAction>[0]);
        if (!result.ok) {
          const refused = problemsOfRefusal(result);
          if (refused) setProblems(refused);
          else toast.error(result.message);
          return;
        }
        if (!result.data.ok) {
          setProblems(result.data.problems);
          return;
        }
        await queryClient.invalidateQueries({ queryKey: deploymentTargetKeys.all });
        toast.success(t("form.saved", { name: name.trim() }));
        setSecret(result.data.signingSecret);
      } catch {
        toast.error(t("form.error"));
      }
    });

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent closeLabel={t("form.cancel")} className="sm:max-w-2xl" data-testid="webhook-target-dialog">
        <DialogHeader>
          <DialogTitle>{t("form.webhookTitle")}</DialogTitle>
          <DialogDescription>{t("form.webhookDescription")}</DialogDescription>
        </DialogHeader>
        {secret ? (
          <>
            <SigningSecret secret={secret} />
            <DialogFooter>
              <Button onClick={() => close(false)}>{t("secret.done")}</Button>
            </DialogFooter>
          </>
        ) : (
          <form
            className="grid gap-5"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <FormField id={`${id}-name`} label={t("form.name")} problem={problemAt("name")}>
              {(props) => <Input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
            </FormField>
            <FormField id={`${id}-url`} label={t("form.url")} problem={problemAt("url")}>
              {(props) => (
                <Input
                  {...props}
                  type="url"
                  value={url}
                  placeholder="https://hooks.example.com/certdesk"
                  onChange={(event) => setUrl(event.target.value)}
                />
              )}
            </FormField>
            <div className="flex items-start gap-2">
              <Checkbox
                id={`${id}-includeKey`}
                checked={includePrivateKey}
                onCheckedChange={(value) => setIncludePrivateKey(value === true)}
                aria-describedby={`${id}-includeKey-hint`}
              />
              <div className="grid gap-1">
                <Label htmlFor={`${id}-includeKey`} className="leading-snug font-normal">
                  {t("form.includePrivateKey")}
                </Label>
                <p id={`${id}-includeKey-hint`} className="text-xs text-muted-foreground">
                  {t("form.includePrivateKeyHint")}
                </p>
              </div>
            </div>
            <EndpointsEditor value={endpoints} onChange={setEndpoints} problemAt={problemAt} />
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  {t("form.cancel")}
                </Button>
              </DialogClose>
              <Button type="submit" disabled={saving} data-testid="save-webhook-target">
                {saving && <Loader2Icon className="animate-spin" aria-hidden />}
                {saving ? t("form.saving") : t("form.save")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
