"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type * as React from "react";

type RowLinkProps = Omit<React.ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link repeated on every row of a list. `next/link` prefetches each link that scrolls
 * into view: twenty rows fired twenty requests for detail pages while the list was still
 * loading, competing with it for the network and the main thread. This one fetches a
 * page when the pointer or the keyboard reaches its link, i.e. just before the click.
 */
export function RowLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: RowLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
