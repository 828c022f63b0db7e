import { GiftIcon, ShoppingCartIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The two ways into the order flow: buying a certificate, applying for a free one. */
export function OrderEntryLinks() {
  const t = useTranslations("certificates.order");
  return (
    <>
      <Button variant="outline" asChild>
        <Link href="/certificates/buy?free=1" data-testid="apply-free-certificate">
          <GiftIcon aria-hidden />
          {t("applyFree")}
        </Link>
      </Button>
      <Button asChild>
        <Link href="/certificates/buy" data-testid="buy-certificate">
          <ShoppingCartIcon aria-hidden />
          {t("buy")}
        </Link>
      </Button>
    </>
  );
}
