"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_ENDPOINTS } from "@/lib/deployment-targets/deployment-target-input";

export type EndpointDraft = { key: number; host: string; port: string; serverName: string };

let nextKey = 0;
export const emptyEndpoint = (): EndpointDraft => ({ key: nextKey++, host: "", port: "443", serverName: "" });

/** The endpoints a target's deployments are verified at: host:port and the name asked for (SNI). */
export function EndpointsEditor({
  value,
  onChange,
  problemAt,
}: {
  value: EndpointDraft[];
  onChange: (next: EndpointDraft[]) => void;
  /** The translated problem at a field path ("endpoints.0.host"), if any. */
  problemAt: (path: string) => string | undefined;
}) {
  const t = useTranslations("deploymentTargets.form");
  const id = useId();
  const set = (index: number, patch: Partial<EndpointDraft>) =>
    onChange(value.map((endpoint, i) => (i === index ? { ...endpoint, ...patch } : endpoint)));
  const listProblem = problemAt("endpoints");
  return (
    <fieldset className="grid gap-3" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">{t("endpoints")}</legend>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("endpointsHint")}
      </p>
      {value.map((endpoint, index) => {
        const field = (name: "host" | "port" | "serverName") => {
          const problem =
            problemAt(`endpoints.${index}.${name}`) ?? (name === "host" ? problemAt(`endpoints.${index}`) : undefined);
          return {
            id: `${id}-${index}-${name}`,
            value: endpoint[name],
            "aria-invalid": problem ? true : undefined,
            "aria-describedby": problem ? `${id}-${index}-${name}-problem` : undefined,
            problem,
          };
        };
        const host = field("host");
        const port = field("port");
        const serverName = field("serverName");
        return (
          <fieldset key={endpoint.key} className="grid gap-2 rounded-md border p-3">
            <legend className="sr-only">{t("endpointLabel", { number: index + 1 })}</legend>
            <div className="grid gap-2 sm:grid-cols-[1fr_6rem_1fr_auto] sm:items-end">
              {(
                [
                  ["host", host, t("endpointHost"), "203.0.113.10"],
                  ["port", port, t("endpointPort"), "443"],
                  ["serverName", serverName, t("endpointServerName"), "www.example.com"],
                ] as const
              ).map(([name, props, label, placeholder]) => (
                <div key={name} className="grid gap-1">
                  <Label htmlFor={props.id}>{label}</Label>
                  <Input
                    id={props.id}
                    value={props.value}
                    placeholder={placeholder}
                    inputMode={name === "port" ? "numeric" : undefined}
                    aria-invalid={props["aria-invalid"]}
                    aria-describedby={props["aria-describedby"]}
                    onChange={(event) => set(index, { [name]: event.target.value })}
                  />
                </div>
              ))}
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("removeEndpoint", { number: index + 1 })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <XIcon aria-hidden />
              </Button>
            </div>
            {[host, port, serverName].map(
              (props) =>
                props.problem && (
                  <p key={props.id} id={`${props.id}-problem`} className="text-sm text-destructive">
                    {props.problem}
                  </p>
                ),
            )}
          </fieldset>
        );
      })}
      {listProblem && (
        <p className="text-sm text-destructive" aria-live="polite">
          {listProblem}
        </p>
      )}
      {value.length < MAX_ENDPOINTS && (
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => onChange([...value, emptyEndpoint()])}>
            <PlusIcon aria-hidden />
            {t("addEndpoint")}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** The drafts as the schemas read them (the port as typed; the schema coerces it). */
export function endpointsInput(drafts: EndpointDraft[]) {
  return drafts.map((endpoint) => ({
    host: endpoint.host,
    port: endpoint.port,
    serverName: endpoint.serverName,
  }));
}
