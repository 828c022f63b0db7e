import type { Translate } from "@/lib/describe-app-error";
import type { OrderProblem } from "@/lib/orders/order-problems";

/**
 * An order's problems as one message for InvalidParameterValue: the order form's own
 * sentences for the names, naming the API parameter rather than quoting the caller's text.
 */
export function describeOrderProblems(problems: OrderProblem[], t: Translate, namesParameter: string): string {
  return problems
    .map((problem) =>
      problem.field === "names"
        ? `${namesParameter}: ${t(`certificateOrder.names.problem.${problem.code}`, { ...problem.params, name: namesParameter })}`
        : `${problem.field}: ${problem.code}`,
    )
    .join(" ");
}
