import { clsx } from "clsx";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { mergeClasses, utilityGroup } from "@/lib/merge-classes";
import { collectClassLists } from "@/testing/collect-class-lists";

describe("mergeClasses", () => {
  it.each([
    // The overrides our components are given (Button sizes, Card paddings, TableHead alignment…).
    ["h-9 px-4 py-2 h-8", "px-4 py-2 h-8"],
    ["size-9 size-8", "size-8"],
    ["h-9 w-9 size-8", "size-8"],
    ["size-8 h-9", "size-8 h-9"],
    ["p-5 pt-0 pt-5", "p-5 pt-5"],
    ["px-4 py-2 p-2", "p-2"],
    ["p-2 px-4", "p-2 px-4"],
    ["px-2.5 first:pl-4 pl-0", "px-2.5 first:pl-4 pl-0"],
    ["text-sm text-muted-foreground text-destructive", "text-sm text-destructive"],
    ["text-sm text-xs", "text-xs"],
    ["text-base font-semibold leading-tight text-xl", "font-semibold text-xl"],
    ["text-left text-right", "text-right"],
    ["whitespace-nowrap whitespace-normal", "whitespace-normal"],
    ["font-medium font-normal", "font-normal"],
    ["font-mono font-medium", "font-mono font-medium"],
    ["flex flex-col gap-1.5 flex-row gap-3", "flex flex-row gap-3"],
    ["gap-x-2 gap-y-1 gap-3", "gap-3"],
    ["align-middle align-top hidden xl:table-cell", "align-top hidden xl:table-cell"],
    ["items-center items-start", "items-start"],
    ["w-full sm:w-40 w-36", "sm:w-40 w-36"],
    ["bg-card bg-primary/5 bg-muted/40", "bg-muted/40"],
    ["border border-input border-primary/50", "border border-primary/50"],
    ["border-b border-0", "border-0"],
    ["rounded-t-md rounded-md", "rounded-md"],
    ["rounded-md rounded-t-none", "rounded-md rounded-t-none"],
    ["shadow-xs shadow-sm shadow-primary/20", "shadow-sm shadow-primary/20"],
    ["hover:bg-accent hover:bg-muted focus:bg-accent", "hover:bg-muted focus:bg-accent"],
    ["hover:focus:underline focus:hover:no-underline", "focus:hover:no-underline"],
    ["[&_svg]:size-4 [&_svg]:size-3", "[&_svg]:size-3"],
    ["data-[state=checked]:translate-x-4 data-[state=checked]:translate-x-3", "data-[state=checked]:translate-x-3"],
    ["-mx-1 mx-2", "mx-2"],
    ["!px-2 px-4", "!px-2 px-4"],
    ["truncate text-ellipsis", "text-ellipsis"],
    ["peer my-component peer", "peer my-component peer"],
    ["  flex   hidden  ", "hidden"],
  ])("%s → %s", (input, expected) => {
    expect(mergeClasses(input)).toBe(expected);
  });

  it("gives each utility we use its group, and none to classes it does not know", () => {
    expect(utilityGroup("text-sm")).toBe("font-size");
    expect(utilityGroup("text-sidebar-muted")).toBe("text-color");
    expect(utilityGroup("border-t")).toBe("border-w-t");
    expect(utilityGroup("border-transparent")).toBe("border-color");
    expect(utilityGroup("min-w-0")).toBe("min-w");
    expect(utilityGroup("pointer-events-none")).toBe("pointer-events");
    expect(utilityGroup("-translate-y-1/2")).toBe("translate-y");
    expect(utilityGroup("not-a-utility")).toBeNull();
  });
});

describe("every class list in the source", () => {
  const { lists, unreadable } = collectClassLists(["components", "app", "lib"]);

  it("finds the component overrides it is meant to check", () => {
    expect(lists.length).toBeGreaterThan(300);
    expect(lists.some((list) => list.where.startsWith("components/ui/button.tsx"))).toBe(true);
    expect(unreadable).toEqual([]);
  });

  it("merges as tailwind-merge would (the same classes survive)", () => {
    const differing = lists
      .map(({ where, classes }) => {
        const joined = clsx(classes);
        const ours = mergeClasses(joined).split(" ").sort().join(" ");
        const reference = twMerge(joined).split(" ").sort().join(" ");
        return ours === reference ? null : `${where}: ${joined}\n  ours:      ${ours}\n  reference: ${reference}`;
      })
      .filter((entry) => entry !== null);
    expect(differing).toEqual([]);
  });
});
