"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { type FormState, safeRedirectPath } from "@/lib/actions/form-state";
import { SignInRefused, signIn } from "@/lib/auth/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { registerUser } from "@/lib/auth/register-user";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { logger } from "@/lib/logger";
import { isStorableText } from "@/lib/text/storable-text";

async function signInWithCredentials(email: string, password: string): Promise<FormState | null> {
  const t = await getTranslations("errors");
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof SignInRefused) {
      return {
        status: "error",
        message: t(error.reason, { minutes: Math.ceil(error.retryAfterSeconds / 60) }),
        values: { email },
      };
    }
    if (error instanceof AuthError) {
      logger.error({ err: error, type: error.type }, "sign-in failed unexpectedly");
      return { status: "error", message: t("UNEXPECTED"), values: { email } };
    }
    throw error;
  }
}

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320).refine(isStorableText),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  callbackUrl: z.string().max(2048).optional(),
});

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("errors");
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: t("INVALID_INPUT"),
      fieldErrors: {
        email: fields.email && [t("emailInvalid")],
        password: fields.password && [t("passwordRequired")],
      },
      values: { email: String(formData.get("email") ?? "").slice(0, 320) },
    };
  }
  const failure = await signInWithCredentials(parsed.data.email, parsed.data.password);
  if (failure) return failure;
  // "/" sends each role to its home page.
  redirect(safeRedirectPath(parsed.data.callbackUrl, "/"));
}

const signUpSchema = z.object({
  name: z.string().trim().min(1).max(100).refine(isStorableText),
  email: z.email().trim().max(320).refine(isStorableText),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("errors");
  const values = {
    name: String(formData.get("name") ?? "").slice(0, 100),
    email: String(formData.get("email") ?? "").slice(0, 320),
  };
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    const password = String(formData.get("password") ?? "");
    return {
      status: "error",
      message: t("INVALID_INPUT"),
      fieldErrors: {
        name: fields.name && [t("nameRequired")],
        email: fields.email && [t("emailInvalid")],
        password:
          fields.password &&
          (password.length > PASSWORD_MAX_LENGTH
            ? [t("passwordTooLong", { max: PASSWORD_MAX_LENGTH })]
            : [t("passwordTooShort", { min: PASSWORD_MIN_LENGTH })]),
      },
      values,
    };
  }
  try {
    await registerUser({ ...parsed.data, ip: clientIpFrom(await headers()), now: await now() });
  } catch (error) {
    if (isAppError(error) && error.code === "EMAIL_TAKEN") {
      return { status: "error", message: t("EMAIL_TAKEN"), fieldErrors: { email: [t("EMAIL_TAKEN")] }, values };
    }
    throw error;
  }
  const failure = await signInWithCredentials(parsed.data.email, parsed.data.password);
  if (failure) return failure;
  redirect("/certificates");
}
