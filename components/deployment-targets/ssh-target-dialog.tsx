"use client";

import { useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, Loader2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { createSshTargetAction, fetchSshHostKeyAction } from "@/app/(console)/deployment-targets/actions";
import {
  type EndpointDraft,
  EndpointsEditor,
  emptyEndpoint,
  endpointsInput,
} from "@/components/deployment-targets/endpoints-editor";
import {
  FormField,
  type Problems,
  problemsOfRefusal,
  useProblemText,
} from "@/components/deployment-targets/target-form-parts";
import { Alert, AlertDescription } from "@/components/ui/alert";
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
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { PinnedHostKey } from "@/lib/deploy/deployment-contracts";
import { createSshTargetInputSchema, problemsByField } from "@/lib/deployment-targets/deployment-target-input";
import { deploymentTargetKeys } from "@/lib/queries/deployment-targets";

const INITIAL = {
  name: "",
  host: "",
  port: "22",
  username: "",
  authKind: "privateKey" as "privateKey" | "password",
  password: "",
  privateKey: "",
  passphrase: "",
  certificatePath: "",
  certificateMode: "0644",
  certificateContent: "fullChain" as "fullChain" | "certificate",
  chainPath: "",
  chainMode: "0644",
  privateKeyPath: "",
  privateKeyMode: "0600",
  reloadCommand: "sudo nginx -s reload",
  autoRollback: true,
};

/**
 * Adding an SSH server: the host key is read from the server and shown, and pinned only
 * once the customer confirms it is their server's. The credentials typed here go to the
 * server action and are never shown again.
 */
export function SshTargetDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("deploymentTargets");
  const id = useId();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(INITIAL);
  const [endpoints, setEndpoints] = useState<EndpointDraft[]>([emptyEndpoint()]);
  const [hostKey, setHostKey] = useState<{ key: PinnedHostKey; host: string; port: string } | null>(null);
  const [hostKeyFailure, setHostKeyFailure] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [fetching, startFetching] = useTransition();
  const [saving, startSaving] = useTransition();
  const problemAt = useProblemText(problems);
  const set = <K extends keyof typeof INITIAL>(key: K, value: (typeof INITIAL)[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  // A key read for another host or port pins nothing.
  const currentKey = hostKey && hostKey.host === fields.host && hostKey.port === fields.port ? hostKey.key : null;

  const readHostKey = () =>
    startFetching(async () => {
      setHostKeyFailure(null);
      setConfirmed(false);
      try {
        const result = await fetchSshHostKeyAction({ host: fields.host, port: fields.port as unknown as number });
        if (!result.ok) {
          const refused = problemsOfRefusal(result);
          if (refused) setProblems((current) => ({ ...current, ...refused }));
          else setHostKeyFailure(result.message);
          return;
        }
        if (!result.data.ok) {
          setHostKeyFailure(t(`reason.${result.data.failure.reason}`));
          return;
        }
        setHostKey({ key: result.data.hostKey, host: fields.host, port: fields.port });
      } catch {
        setHostKeyFailure(t("form.error"));
      }
    });

  const save = () =>
    startSaving(async () => {
      const input = {
        ...fields,
        hostKey: currentKey ?? { keyType: "", fingerprint: "" },
        endpoints: endpointsInput(endpoints),
      };
      const checked = createSshTargetInputSchema.safeParse(input);
      const found: Problems = checked.success ? {} : problemsByField(checked.error.issues);
      // The key is read from the server, not typed: its one problem is not being confirmed.
      for (const path of Object.keys(found)) if (path.startsWith("hostKey.")) delete found[path];
      if (!currentKey || !confirmed) found.hostKey = "HOST_KEY_NOT_CONFIRMED";
      setProblems(found);
      if (Object.keys(found).length > 0) return;
      try {
        const result = await createSshTargetAction(input as Parameters<typeof createSshTargetAction>[0]);
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
        toast.success(t("form.saved", { name: fields.name.trim() }));
        setFields(INITIAL);
        setEndpoints([emptyEndpoint()]);
        setHostKey(null);
        setConfirmed(false);
        onOpenChange(false);
      } catch {
        toast.error(t("form.error"));
      }
    });

  const modeField = (key: "certificateMode" | "chainMode" | "privateKeyMode", file: string) => (
    <FormField id={`${id}-${key}`} label={t("form.mode")} problem={problemAt(key)} className="w-24">
      {(props) => (
        <Input
          {...props}
          aria-label={t("form.modeOf", { file })}
          value={fields[key]}
          inputMode="numeric"
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("form.cancel")} className="sm:max-w-2xl" data-testid="ssh-target-dialog">
        <DialogHeader>
          <DialogTitle>{t("form.sshTitle")}</DialogTitle>
          <DialogDescription>{t("form.sshDescription")}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <FormField id={`${id}-name`} label={t("form.name")} problem={problemAt("name")}>
            {(props) => (
              <Input
                {...props}
                value={fields.name}
                placeholder={t("form.namePlaceholder")}
                onChange={(event) => set("name", event.target.value)}
              />
            )}
          </FormField>
          <div className="grid gap-3 sm:grid-cols-[1fr_6rem_1fr]">
            <FormField id={`${id}-host`} label={t("form.host")} problem={problemAt("host")}>
              {(props) => (
                <Input
                  {...props}
                  value={fields.host}
                  placeholder="web1.example.com"
                  autoComplete="off"
                  onChange={(event) => set("host", event.target.value)}
                />
              )}
            </FormField>
            <FormField id={`${id}-port`} label={t("form.port")} problem={problemAt("port")}>
              {(props) => (
                <Input
                  {...props}
                  value={fields.port}
                  inputMode="numeric"
                  onChange={(event) => set("port", event.target.value)}
                />
              )}
            </FormField>
            <FormField id={`${id}-username`} label={t("form.username")} problem={problemAt("username")}>
              {(props) => (
                <Input
                  {...props}
                  value={fields.username}
                  placeholder="deploy"
                  autoComplete="off"
                  onChange={(event) => set("username", event.target.value)}
                />
              )}
            </FormField>
          </div>

          <fieldset className="grid gap-3 rounded-md border p-4" data-testid="host-key">
            <legend className="px-1 text-sm font-medium">{t("form.hostKey")}</legend>
            <p className="text-xs text-muted-foreground">{t("form.hostKeyHint")}</p>
            <div>
              <Button
                type="button"
                variant="outline"
                onClick={readHostKey}
                disabled={fetching || !fields.host.trim()}
                data-testid="read-host-key"
              >
                {fetching ? <Loader2Icon className="animate-spin" aria-hidden /> : <KeyRoundIcon aria-hidden />}
                {fetching ? t("form.fetchingHostKey") : t("form.fetchHostKey")}
              </Button>
            </div>
            {hostKeyFailure && (
              <Alert variant="destructive">
                <AlertDescription>{hostKeyFailure}</AlertDescription>
              </Alert>
            )}
            {hostKey && !currentKey && <p className="text-sm text-muted-foreground">{t("form.hostKeyChangedInput")}</p>}
            {currentKey && (
              <div className="grid gap-2">
                <p className="text-sm">{t("form.hostKeyShown", { type: currentKey.keyType })}</p>
                <code
                  className="block rounded bg-muted px-2 py-1 font-mono text-xs break-all"
                  data-testid="host-key-fingerprint"
                >
                  {currentKey.fingerprint}
                </code>
                <div className="flex items-start gap-2">
                  <Checkbox
                    id={`${id}-confirm`}
                    checked={confirmed}
                    onCheckedChange={(value) => setConfirmed(value === true)}
                    aria-describedby={problemAt("hostKey") ? `${id}-confirm-problem` : undefined}
                  />
                  <Label htmlFor={`${id}-confirm`} className="leading-snug font-normal">
                    {t("form.confirmHostKey")}
                  </Label>
                </div>
              </div>
            )}
            {problemAt("hostKey") && (
              <p id={`${id}-confirm-problem`} className="text-sm text-destructive" aria-live="polite">
                {problemAt("hostKey")}
              </p>
            )}
          </fieldset>

          <fieldset className="grid gap-3">
            <legend className="text-sm font-medium">{t("form.authKind")}</legend>
            <div className="flex gap-4" role="radiogroup">
              {(["privateKey", "password"] as const).map((kind) => (
                <label key={kind} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-auth`}
                    value={kind}
                    checked={fields.authKind === kind}
                    onChange={() => set("authKind", kind)}
                    className="accent-primary"
                  />
                  {kind === "privateKey" ? t("form.authPrivateKey") : t("form.authPassword")}
                </label>
              ))}
            </div>
            {fields.authKind === "privateKey" ? (
              <>
                <FormField
                  id={`${id}-privateKey`}
                  label={t("form.privateKey")}
                  hint={t("form.credentialsHint")}
                  problem={problemAt("privateKey")}
                >
                  {(props) => (
                    <Textarea
                      {...props}
                      value={fields.privateKey}
                      spellCheck={false}
                      className="font-mono text-xs"
                      placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
                      onChange={(event) => set("privateKey", event.target.value)}
                    />
                  )}
                </FormField>
                <FormField id={`${id}-passphrase`} label={t("form.passphrase")} problem={problemAt("passphrase")}>
                  {(props) => (
                    <Input
                      {...props}
                      type="password"
                      autoComplete="off"
                      value={fields.passphrase}
                      onChange={(event) => set("passphrase", event.target.value)}
                    />
                  )}
                </FormField>
              </>
            ) : (
              <FormField
                id={`${id}-password`}
                label={t("form.password")}
                hint={t("form.credentialsHint")}
                problem={problemAt("password")}
              >
                {(props) => (
                  <Input
                    {...props}
                    type="password"
                    autoComplete="off"
                    value={fields.password}
                    onChange={(event) => set("password", event.target.value)}
                  />
                )}
              </FormField>
            )}
          </fieldset>

          <fieldset className="grid gap-3">
            <legend className="text-sm font-medium">{t("form.files")}</legend>
            <div className="flex items-start gap-3">
              <FormField
                id={`${id}-certificatePath`}
                label={t("form.certificatePath")}
                problem={problemAt("certificatePath")}
                className="flex-1"
              >
                {(props) => (
                  <Input
                    {...props}
                    value={fields.certificatePath}
                    placeholder="/etc/nginx/ssl/example.com.pem"
                    onChange={(event) => set("certificatePath", event.target.value)}
                  />
                )}
              </FormField>
              {modeField("certificateMode", t("fileKind.certificate"))}
            </div>
            <FormField
              id={`${id}-content`}
              label={t("form.certificateContent")}
              problem={problemAt("certificateContent")}
            >
              {(props) => (
                <NativeSelect
                  {...props}
                  value={fields.certificateContent}
                  onChange={(event) => set("certificateContent", event.target.value as "fullChain" | "certificate")}
                >
                  <option value="fullChain">{t("form.contentFullChain")}</option>
                  <option value="certificate">{t("form.contentCertificate")}</option>
                </NativeSelect>
              )}
            </FormField>
            <div className="flex items-start gap-3">
              <FormField
                id={`${id}-chainPath`}
                label={t("form.chainPath")}
                hint={t("form.chainPathHint")}
                problem={problemAt("chainPath")}
                className="flex-1"
              >
                {(props) => (
                  <Input
                    {...props}
                    value={fields.chainPath}
                    placeholder="/etc/ssl/certs/example.com.chain.pem"
                    onChange={(event) => set("chainPath", event.target.value)}
                  />
                )}
              </FormField>
              {modeField("chainMode", t("fileKind.chain"))}
            </div>
            <div className="flex items-start gap-3">
              <FormField
                id={`${id}-privateKeyPath`}
                label={t("form.privateKeyPath")}
                problem={problemAt("privateKeyPath")}
                className="flex-1"
              >
                {(props) => (
                  <Input
                    {...props}
                    value={fields.privateKeyPath}
                    placeholder="/etc/nginx/ssl/example.com.key"
                    onChange={(event) => set("privateKeyPath", event.target.value)}
                  />
                )}
              </FormField>
              {modeField("privateKeyMode", t("fileKind.privateKey"))}
            </div>
          </fieldset>

          <FormField
            id={`${id}-reload`}
            label={t("form.reloadCommand")}
            hint={t("form.reloadCommandHint")}
            problem={problemAt("reloadCommand")}
          >
            {(props) => (
              <Input
                {...props}
                value={fields.reloadCommand}
                className="font-mono text-xs"
                spellCheck={false}
                onChange={(event) => set("reloadCommand", event.target.value)}
              />
            )}
          </FormField>

          <EndpointsEditor value={endpoints} onChange={setEndpoints} problemAt={problemAt} />

          <div className="flex items-start gap-2">
            <Checkbox
              id={`${id}-autoRollback`}
              checked={fields.autoRollback}
              onCheckedChange={(value) => set("autoRollback", value === true)}
            />
            <Label htmlFor={`${id}-autoRollback`} className="leading-snug font-normal">
              {t("form.autoRollback")}
            </Label>
          </div>

          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {t("form.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={saving} data-testid="save-ssh-target">
              {saving && <Loader2Icon className="animate-spin" aria-hidden />}
              {saving ? t("form.saving") : t("form.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
