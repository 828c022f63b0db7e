// An action's parameters, as the original's clients send them: a JSON object in a POST body,
// or (GET) flattened into the query string ("CertificateStatus.0=1&Tags.0.TagKey=k"), every
// value a string. Both become one object that the action's zod schema parses; its issues
// become the original's codes. Fields an action does not know are ignored, not refused (a
// newer SDK may send fields CertDesk does not know yet). Pure.
import { z } from "zod";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";

// A lone UTF-16 surrogate (JSON may carry "\ud800") is no text: PostgreSQL cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Field types as the original's Go SDK has them (its strict decoder is the reference). */
export const tc3 = {
  str: (max = 1_000) =>
    z
      .string()
      .max(max)
      .refine((value) => !LONE_SURROGATE.test(value)),
  u64: (max = Number.MAX_SAFE_INTEGER) => z.number().int().min(0).max(max),
  i64: () => z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  bool: () => z.boolean(),
  /** 0 or 1, as the original's flags (SwitchStatus, AutoRenewFlag). */
  flag: () => z.union([z.literal(0), z.literal(1)]),
  certificateId: () => z.string().trim().min(1).max(64),
};

const MAX_QUERY_PARAMETERS = 1_000;
const MAX_QUERY_DEPTH = 6;
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

type Tree = { [key: string]: Tree | string };

/** GET parameters: "A.0=x&A.1=y&B.C=z" → { A: ["x", "y"], B: { C: "z" } }; values stay strings. */
export function unflattenQuery(query: URLSearchParams): Record<string, unknown> {
  const root: Tree = {};
  let count = 0;
  for (const [name, value] of query) {
    if (++count > MAX_QUERY_PARAMETERS) throw new Tc3Error("InvalidParameter", { name: "(query)" });
    const path = name.split(".");
    if (path.length > MAX_QUERY_DEPTH || path.some((key) => key === "" || FORBIDDEN_KEYS.has(key))) {
      throw new Tc3Error("InvalidParameter", { name });
    }
    let node = root;
    for (const [index, key] of path.entries()) {
      const last = index === path.length - 1;
      const existing = node[key];
      if (last) {
        // The first of repeated names counts, as URLSearchParams.get would read it.
        if (existing === undefined) node[key] = value;
        else if (typeof existing !== "string") throw new Tc3Error("InvalidParameter", { name });
      } else {
        if (typeof existing === "string") throw new Tc3Error("InvalidParameter", { name });
        const child: Tree = existing ?? {};
        node[key] = child;
        node = child;
      }
    }
  }
  return arraysOf(root) as Record<string, unknown>;
}

// An object whose keys are 0, 1, 2… is a list.
function arraysOf(node: Tree | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  const entries = keys.map((key) => [key, arraysOf(node[key] as Tree | string)] as const);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    const list: unknown[] = [];
    for (const [key, value] of entries) list[Number(key)] = value;
    return list.filter((value) => value !== undefined);
  }
  return Object.fromEntries(entries);
}

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: z.core.$ZodType[];
};

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/**
 * A GET's string values turned into the types the schema wants ("5" → 5, "true" → true), so
 * one schema parses both transports. What cannot be converted is left as it is, for the
 * schema to refuse with the field's name.
 */
export function coerceQueryValues(schema: z.core.$ZodType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "prefault":
      return def.innerType ? coerceQueryValues(def.innerType, value) : value;
    case "pipe":
      return def.in ? coerceQueryValues(def.in, value) : value;
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value) || !def.shape) return value;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(record).map(([key, field]) => {
          const fieldSchema = Object.hasOwn(def.shape ?? {}, key) ? def.shape?.[key] : undefined;
          return [key, fieldSchema ? coerceQueryValues(fieldSchema, field) : field];
        }),
      );
    }
    case "array":
      return Array.isArray(value) && def.element
        ? value.map((item) => coerceQueryValues(def.element as z.core.$ZodType, item))
        : value;
    case "union": {
      // The flags (0 | 1): numbers written as text.
      const numeric = def.options?.every((option) => {
        const optionDef = defOf(option) as Def & { values?: unknown[] };
        return optionDef.type === "literal" && (optionDef.values ?? []).every((item) => typeof item === "number");
      });
      return numeric ? coerceScalar("number", value) : value;
    }
    case "literal":
    case "number":
      return coerceScalar("number", value);
    case "boolean":
      return coerceScalar("boolean", value);
    default:
      return value;
  }
}

function coerceScalar(type: "number" | "boolean", value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** The action's parameters, parsed; a refusal names the first field at fault, as the original does. */
export function parseTc3Params<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
): { params: z.output<Schema>; unknownFields: string[] } {
  const parsed = z.safeParse(schema, input, { reportInput: true });
  if (!parsed.success) throw paramsError(parsed.error.issues);
  return { params: parsed.data, unknownFields: unknownFieldsOf(schema, input) };
}

function paramsError(issues: readonly z.core.$ZodIssue[]): Tc3Error {
  const [issue] = issues;
  const name = issue ? issue.path.map(String).join(".") || "(body)" : "(body)";
  if (issue?.code === "invalid_type") {
    return "input" in issue && issue.input === undefined
      ? new Tc3Error("MissingParameter", { name })
      : new Tc3Error("InvalidParameter", { name });
  }
  return new Tc3Error("InvalidParameterValue", { name });
}

function unknownFieldsOf(schema: z.core.$ZodType, input: unknown): string[] {
  let def = defOf(schema);
  while (def.type === "pipe" && def.in) def = defOf(def.in);
  if (def.type !== "object" || !def.shape || typeof input !== "object" || input === null) return [];
  return Object.keys(input).filter((key) => !Object.hasOwn(def.shape ?? {}, key));
}
