"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { IDLE } from "@/lib/actions/form-state";

export function SignUpForm({ passwordMinLength }: { passwordMinLength: number }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(signUpAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const formKey = JSON.stringify(values ?? {});
  return (
    <form action={formAction} className="grid gap-4" noValidate key={formKey}>
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertDescription data-testid="form-error">{state.message}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-2">
        <Label htmlFor="name">{t("name")}</Label>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          required
          defaultValue={values?.name}
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby={errors?.name ? "name-error" : undefined}
        />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          aria-invalid={errors?.email ? true : undefined}
          aria-describedby={errors?.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMinLength}
          aria-invalid={errors?.password ? true : undefined}
          aria-describedby={errors?.password ? "password-error password-hint" : "password-hint"}
        />
        <p id="password-hint" className="text-xs text-muted-foreground">
          {t("passwordHint", { min: passwordMinLength })}
        </p>
        <FieldError id="password-error" messages={errors?.password} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("signingUp") : t("signUp")}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-primary hover:underline">
          {t("goSignIn")}
        </Link>
      </p>
    </form>
  );
}
