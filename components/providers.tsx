"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type * as React from "react";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { Toaster } from "@/components/ui/sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import { getQueryClient } from "@/lib/queries/query-client";

export function Providers({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <TooltipProvider delayDuration={300}>
          {children}
          <Toaster />
          <TimeZoneSync />
        </TooltipProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
