"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DownloadIcon, FileUpIcon, Loader2Icon, PencilIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { correctOrganizationDetailsAction } from "@/app/(console)/certificates/organization-actions";
import { CancelOrderDialog } from "@/components/certificates/cancel-order-dialog";
import { OrganizationDetailsFields } from "@/components/organization-review/organization-details-fields";
import { emptyOrganizationDraft, type OrganizationDraft } from "@/components/organization-review/organization-draft";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { checkConfirmationLetter } from "@/lib/organization-review/check-confirmation-letter";
import type { FieldErrorCode, OrganizationDetailsField } from "@/lib/organization-review/organization-details-input";
import {
  customerMayChangeReview,
  type OrganizationReviewStatus,
} from "@/lib/organization-review/organization-review-rules";
import { certificateKeys } from "@/lib/queries/certificates";

export type OrganizationReviewView = {
  companyName: string;
  country: string;
  locality: string;
  address: string;
  companyPhone: string;
  registrationNumber: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  letterType: string | null;
  letterBytes: number | null;
  letterUploadedAt: Date | null;
  rejectionReason: string | null;
};

function draftOf(review: OrganizationReviewView): OrganizationDraft {
  const draft = emptyOrganizationDraft();
  for (const field of Object.keys(draft) as OrganizationDetailsField[]) draft[field] = review[field] ?? "";
  return draft;
}

function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/**
 * An OV/EV certificate before domain validation: what the reviewer needs from the customer
 * (the letter), what the reviewer said (a rejection's reason), and the ways on: upload,
 * correct the details, or cancel the order for a refund.
 */
export function OrganizationReviewCard({
  certificateId,
  domain,
  status,
  review,
  purchase,
}: {
  certificateId: string;
  domain: string;
  status: OrganizationReviewStatus;
  review: OrganizationReviewView;
  purchase: CertificateDetail["purchase"];
}) {
  const t = useTranslations("organizationReview");
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [letterError, setLetterError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<OrganizationDraft>(() => draftOf(review));
  const [problems, setProblems] = useState<Partial<Record<OrganizationDetailsField, FieldErrorCode>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useMutation({ mutationFn: correctOrganizationDetailsAction });
  const open = customerMayChangeReview(status);

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
    router.refresh();
  }

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setLetterError(t("letter.chooseFirst"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The same check the server makes, for an answer before the upload; the server checks again.
    const check = checkConfirmationLetter(bytes);
    if (!check.ok) return setLetterError(t(`letter.problem.${check.code}`, check.params));
    setUploading(true);
    setLetterError(null);
    try {
      const response = await fetch(`/api/certificates/${certificateId}/confirmation-letter`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ letterBase64: base64Of(bytes) }),
      });
      const answer = (await response.json()) as { ok?: boolean; message?: string };
      if (!response.ok || !answer.ok) {
        setLetterError(answer.message ?? t("letter.problem.LETTER_NOT_ACCEPTED_TYPE"));
        return;
      }
      toast.success(t("letter.uploaded"));
      setFile(null);
      await refresh();
    } catch {
      setLetterError(t("admin.networkError"));
    } finally {
      setUploading(false);
    }
  }

  async function saveDetails(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server's schema, loaded when first needed rather than with the page.
    const { organizationDetailsProblems } = await import("@/lib/organization-review/organization-details-input");
    const found = organizationDetailsProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaveError(null);
    save.mutate(
      { certificateId, details: draft },
      {
        onSuccess: async (result) => {
          if (!result.ok) return setSaveError(result.message);
          setEditing(false);
          toast.success(t("correct.saved"));
          await refresh();
        },
        onError: () => setSaveError(t("admin.networkError")),
      },
    );
  }

  return (
    <Card data-testid="organization-review-card">
      <CardHeader>
        <CardTitle>{t("card.title")}</CardTitle>
        <CardDescription data-testid="organization-review-state">{t(`card.${status}`)}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5 text-sm">
        {review.rejectionReason && (
          <Alert variant="destructive" data-testid="organization-rejection">
            <XCircleIcon aria-hidden />
            <AlertTitle>{t("card.reason")}</AlertTitle>
            <AlertDescription data-testid="organization-rejection-reason">{review.rejectionReason}</AlertDescription>
          </Alert>
        )}

        {editing ? (
          <form onSubmit={saveDetails} noValidate className="grid gap-4" data-testid="organization-correct-form">
            <OrganizationDetailsFields
              value={draft}
              problems={problems}
              disabled={save.isPending}
              onChange={(field, value) => {
                setDraft((current) => ({ ...current, [field]: value }));
                setProblems((current) => ({ ...current, [field]: undefined }));
              }}
            />
            {saveError && (
              <Alert variant="destructive">
                <AlertDescription>{saveError}</AlertDescription>
              </Alert>
            )}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={save.isPending} data-testid="organization-correct-save">
                {save.isPending && <Loader2Icon className="animate-spin" aria-hidden />}
                {t("correct.save")}
              </Button>
              <Button type="button" variant="outline" onClick={() => setEditing(false)}>
                {t("correct.cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <Detail label={t("order.organization")}>
              <span className="font-medium">{review.companyName}</span>
              <br />
              {review.address}, {review.locality}, {review.country}
              <br />
              {review.companyPhone}
              {review.registrationNumber && (
                <>
                  <br />
                  {t("admin.registration", { number: review.registrationNumber })}
                </>
              )}
            </Detail>
            <Detail label={t("order.contact")}>
              {review.contactName}
              <br />
              {review.contactEmail}
              <br />
              {review.contactPhone}
            </Detail>
          </dl>
        )}

        <div className="grid gap-2">
          <h3 className="font-medium">{t("letter.title")}</h3>
          {review.letterType && review.letterUploadedAt ? (
            <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
              {t("letter.current", {
                date: format.dateTime(new Date(review.letterUploadedAt), "dateTime"),
                type: review.letterType,
                size: review.letterBytes ?? 0,
              })}
              <a
                href={`/api/certificates/${certificateId}/confirmation-letter`}
                className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
                data-testid="organization-letter-download"
              >
                <DownloadIcon className="size-4" aria-hidden />
                {t("letter.download")}
              </a>
            </p>
          ) : (
            <p className="text-muted-foreground">{t("letter.none")}</p>
          )}
          {open && (
            <form onSubmit={upload} noValidate className="grid gap-2" data-testid="organization-letter-form">
              <Label htmlFor={`${id}-letter`}>{t("letter.file")}</Label>
              <input
                id={`${id}-letter`}
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-card file:px-3 file:py-1"
                aria-describedby={`${id}-letter-rule${letterError ? ` ${id}-letter-error` : ""}`}
                aria-invalid={letterError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setLetterError(null);
                }}
                data-testid="organization-letter-input"
              />
              <p id={`${id}-letter-rule`} className="text-xs text-muted-foreground">
                {t("letter.rule")}
              </p>
              <FieldError id={`${id}-letter-error`} messages={letterError ? [letterError] : undefined} />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" disabled={uploading} data-testid="organization-letter-upload">
                  {uploading ? <Loader2Icon className="animate-spin" aria-hidden /> : <FileUpIcon aria-hidden />}
                  {uploading ? t("letter.uploading") : t("letter.upload")}
                </Button>
                {!editing && (
                  <Button
                    type="button"
                    variant="outline"
                    onClick={() => {
                      setDraft(draftOf(review));
                      setEditing(true);
                    }}
                    data-testid="organization-correct-open"
                  >
                    <PencilIcon aria-hidden />
                    {t("correct.open")}
                  </Button>
                )}
              </div>
            </form>
          )}
        </div>
        {purchase && (
          <div>
            <CancelOrderDialog certificateId={certificateId} domain={domain} purchase={purchase} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid content-start gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
