"use client";

import type * as React from "react";
import { useEffect, useRef, useState } from "react";

/**
 * The table's horizontal scroller. While the table is wider than the screen, the
 * scroller takes keyboard focus, so keyboard users can scroll it with the arrow keys
 * (WCAG 2.1.1); otherwise it adds no tab stop.
 */
export function TableScrollArea({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="relative w-full overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-ring"
      tabIndex={scrollable ? 0 : undefined}
    >
      {children}
    </div>
  );
}
