import { cloneElement, isValidElement, type ReactNode, type Ref, type RefCallback } from "react";

type SlotProps = { children?: ReactNode } & Record<string, unknown>;

function composeRefs(...refs: (Ref<unknown> | undefined)[]): RefCallback<unknown> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    }
  };
}

/**
 * Renders its one child element with these props merged in (the `asChild` pattern): the
 * child's props win, except that event handlers both run (the child's first), classes and
 * styles are combined and refs both receive the node. Radix's Slot does the same; ours
 * keeps it out of every page's first load.
 */
export function Slot({ children, ...slotProps }: SlotProps) {
  if (!isValidElement<Record<string, unknown>>(children)) return null;
  const childProps = children.props;
  const merged: Record<string, unknown> = { ...slotProps, ...childProps };
  for (const [name, slotValue] of Object.entries(slotProps)) {
    const childValue = childProps[name];
    if (childValue === undefined || slotValue === undefined) continue;
    if (/^on[A-Z]/.test(name) && typeof slotValue === "function" && typeof childValue === "function") {
      merged[name] = (...args: unknown[]) => {
        childValue(...args);
        slotValue(...args);
      };
    } else if (name === "className") merged[name] = `${slotValue} ${childValue}`;
    else if (name === "style") merged[name] = { ...(slotValue as object), ...(childValue as object) };
    else if (name === "ref") merged[name] = composeRefs(slotValue as Ref<unknown>, childValue as Ref<unknown>);
  }
  return cloneElement(children, merged);
}
