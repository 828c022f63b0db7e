"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { assignProductIssuer } from "@/lib/issuers/assign-product-issuer";
import { deleteIssuer } from "@/lib/issuers/delete-issuer";
import { issuerInputSchema } from "@/lib/issuers/issuer-input";
import { saveIssuer } from "@/lib/issuers/save-issuer";
import { testIssuerConnection } from "@/lib/issuers/test-issuer-connection";

const id = z.string().min(1).max(64);

// Field problems come back as fieldErrors.<field> = [code] (lib/issuers/issuer-input.ts), which the form translates.
export const saveIssuerAction = authedAction(
  issuerInputSchema,
  { name: "saveIssuer", role: "ADMIN" },
  (input, { user, ip, now }) => saveIssuer(user, input, { ip, now }),
);

export const testIssuerConnectionAction = authedAction(
  z.object({ issuerId: id }),
  { name: "testIssuerConnection", role: "ADMIN" },
  ({ issuerId }, { user, ip, now }) => testIssuerConnection(user, { issuerId }, { ip, now }),
);

export const deleteIssuerAction = authedAction(
  z.object({ issuerId: id }),
  { name: "deleteIssuer", role: "ADMIN" },
  ({ issuerId }, { user, ip, now }) => deleteIssuer(user, { issuerId }, { ip, now }),
);

/** `issuerId` null: the built-in CA. */
export const assignProductIssuerAction = authedAction(
  z.object({ priceId: id, issuerId: id.nullable() }),
  { name: "assignProductIssuer", role: "ADMIN" },
  ({ priceId, issuerId }, { user, ip, now }) => assignProductIssuer(user, { priceId, issuerId }, { ip, now }),
);
