"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate";
import { reissueCertificateInput } from "@/lib/certificates/reissue-certificate-input";

export const reissueCertificateAction = authedAction(
  reissueCertificateInput,
  { name: "reissueCertificate" },
  (request, { user, ip, now }) => reissueCertificate({ ownerId: user.id, actorId: user.id, ip, now, request }),
);
