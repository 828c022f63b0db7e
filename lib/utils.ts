import { type ClassValue, clsx } from "clsx";
import { mergeClasses } from "@/lib/merge-classes";

/** Joins class names; a later Tailwind class overrides an earlier one of the same kind. */
export function cn(...inputs: ClassValue[]): string {
  return mergeClasses(clsx(inputs));
}
