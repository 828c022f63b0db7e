import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import type { CustomerListParams } from "@/lib/admin/customer-list-params";
import { db } from "@/lib/db/client";
import { literalLikeText } from "@/lib/db/literal-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type CustomerRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  balanceMinor: number;
  currency: string;
  certificateCount: number;
};

export type CustomerPage = { items: CustomerRow[]; total: number; page: number; pageSize: number };

/** Every account (customers and administrators), searched by email, name or ID, newest first. */
export async function listCustomers(actor: Actor, params: CustomerListParams, _now: Date): Promise<CustomerPage> {
  assertAdmin(actor);
  const and: Prisma.UserWhereInput[] = [];
  if (params.q) {
    and.push({
      OR: [
        { id: params.q },
        { email: { contains: literalLikeText(params.q), mode: "insensitive" } },
        { name: { contains: literalLikeText(params.q), mode: "insensitive" } },
      ],
    });
  }
  if (params.status === "active") and.push({ disabledAt: null });
  if (params.status === "disabled") and.push({ disabledAt: { not: null } });
  if (params.role) and.push({ role: params.role });
  const where: Prisma.UserWhereInput = { AND: and };

  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        disabledAt: true,
        createdAt: true,
        billingAccount: { select: { balanceMinor: true, currency: true } },
      },
    }),
  ]);
  // Counted for this page's customers through the (ownerId, ...) index: a relation count
  // in the query above grouped every certificate of every customer on each request.
  const certificateCounts = new Map(
    (
      await db.certificate.groupBy({
        by: ["ownerId"],
        where: { ownerId: { in: rows.map((row) => row.id) } },
        _count: { _all: true },
      })
    ).map((group) => [group.ownerId, group._count._all]),
  );
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    items: rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabledAt: row.disabledAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      balanceMinor: row.billingAccount?.balanceMinor ?? 0,
      currency: row.billingAccount?.currency ?? "USD",
      certificateCount: certificateCounts.get(row.id) ?? 0,
    })),
  };
}
