import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type * as React from "react";
import { CLIENT_MESSAGE_SCOPES, type ClientMessageScope, pickMessages } from "@/lib/i18n/client-message-scopes";

/**
 * Gives the client components below only the strings of `scope`, in place of those of
 * the layouts above (locale, time zone and formats come from the request as before).
 */
export async function ScopedMessages({ scope, children }: { scope: ClientMessageScope; children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, CLIENT_MESSAGE_SCOPES[scope])}>
      {children}
    </NextIntlClientProvider>
  );
}
