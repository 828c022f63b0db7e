// Every class list the source can hand to cn(): each cn() call with each of its possible
// arguments (string constants, `cond && "…"`, `a ? "…" : "…"`, cva variants, consts of the
// file), and for components whose className goes through cn(), each <Component className=…>
// written anywhere, put in place of the className argument. merge-classes.test.ts checks
// them all against tailwind-merge, so a new override our merge does not know fails a test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ClassList = { where: string; classes: string };

/** Stands for the className prop inside a component's cn() call. */
const OVERRIDE = "\u0000className";
const MAX_COMBINATIONS = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const text = (node: ts.Node): string | null =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;

function combine(parts: string[][]): string[] {
  let out = [""];
  for (const part of parts) {
    out = out.flatMap((left) => part.map((right) => (left && right ? `${left} ${right}` : left || right)));
    out = [...new Set(out)].slice(0, MAX_COMBINATIONS);
  }
  return out;
}

function where(file: ts.SourceFile, node: ts.Node): string {
  return `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function visitAll(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  ts.forEachChild(node, (child) => visitAll(child, visit));
}

/** Each cva() definition's class lists, one per combination of variant values. */
function cvaDefinitions(files: ts.SourceFile[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    visitAll(file, (node) => {
      if (!ts.isVariableDeclaration(node) || !node.initializer || !ts.isCallExpression(node.initializer)) return;
      if (node.initializer.expression.getText() !== "cva") return;
      const [base, config] = node.initializer.arguments;
      const parts = [[base ? (text(base) ?? "") : ""]];
      const variants =
        config && ts.isObjectLiteralExpression(config)
          ? config.properties.find((property) => property.name?.getText() === "variants")
          : undefined;
      if (variants && ts.isPropertyAssignment(variants) && ts.isObjectLiteralExpression(variants.initializer)) {
        for (const variant of variants.initializer.properties) {
          if (!ts.isPropertyAssignment(variant) || !ts.isObjectLiteralExpression(variant.initializer)) continue;
          parts.push(
            variant.initializer.properties.map((value) =>
              ts.isPropertyAssignment(value) ? (text(value.initializer) ?? "") : "",
            ),
          );
        }
      }
      found.set(node.name.getText(), combine(parts));
    });
  }
  return found;
}

export function collectClassLists(roots: string[]): { lists: ClassList[]; unreadable: string[] } {
  const files = roots
    .flatMap(sourceFiles)
    .map((file) =>
      ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX),
    );
  const cvas = cvaDefinitions(files);
  const unreadable: string[] = [];

  const possible = (node: ts.Node, file: ts.SourceFile): string[] => {
    const literal = text(node);
    if (literal !== null) return [literal];
    if (ts.isParenthesizedExpression(node)) return possible(node.expression, file);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...possible(node.right, file), ""];
    }
    if (ts.isConditionalExpression(node)) return [...possible(node.whenTrue, file), ...possible(node.whenFalse, file)];
    if (ts.isIdentifier(node) && node.text === "className") return [OVERRIDE];
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      const variants = cvas.get(callee);
      if (variants) return variants;
      if (callee === "cn" || callee === "clsx") return combine(node.arguments.map((arg) => possible(arg, file)));
    }
    if (ts.isIdentifier(node)) {
      let value: string[] | null = null;
      visitAll(file, (candidate) => {
        if (!value && ts.isVariableDeclaration(candidate) && candidate.name.getText() === node.text) {
          if (candidate.initializer) value = possible(candidate.initializer, file);
        }
      });
      if (value) return value;
      // Another prop (triggerClassName…) or a parameter (a list item): its callers' values are not followed.
      let isProp = false;
      visitAll(file, (candidate) => {
        if ((ts.isBindingElement(candidate) || ts.isParameter(candidate)) && candidate.name.getText() === node.text)
          isProp = true;
      });
      if (isProp) return [""];
    }
    unreadable.push(`${where(file, node)} ${node.getText().slice(0, 60)}`);
    return [""];
  };

  // cn() calls, and the components whose className prop goes through one.
  const calls: ClassList[] = [];
  const mergingComponents = new Map<string, string[]>();
  for (const file of files) {
    const visit = (node: ts.Node, component: string | null) => {
      let current = component;
      if (ts.isFunctionDeclaration(node) && node.name) current = node.name.text;
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isArrowFunction(node.initializer)) {
        current = node.name.getText();
      }
      if (ts.isCallExpression(node) && node.expression.getText() === "cn") {
        const lists = combine(node.arguments.map((arg) => possible(arg, file)));
        const withOverride = lists.filter((list) => list.includes(OVERRIDE));
        if (withOverride.length > 0 && current) {
          mergingComponents.set(current, [...(mergingComponents.get(current) ?? []), ...withOverride]);
        }
        for (const list of lists) calls.push({ where: where(file, node), classes: list.replace(OVERRIDE, "") });
      }
      ts.forEachChild(node, (child) => visit(child, current));
    };
    visit(file, null);
  }

  const overrides: ClassList[] = [];
  for (const file of files) {
    visitAll(file, (node) => {
      if (!ts.isJsxOpeningElement(node) && !ts.isJsxSelfClosingElement(node)) return;
      const bases = mergingComponents.get(node.tagName.getText());
      if (!bases) return;
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== "className" || !attribute.initializer)
          continue;
        const value = attribute.initializer;
        const given = ts.isStringLiteral(value)
          ? [value.text]
          : ts.isJsxExpression(value) && value.expression
            ? possible(value.expression, file)
            : [""];
        for (const base of bases) {
          for (const classes of given) {
            overrides.push({
              where: where(file, node),
              classes: base.replace(OVERRIDE, classes.replace(OVERRIDE, "")),
            });
          }
        }
      }
    });
  }
  return { lists: [...calls, ...overrides], unreadable: [...new Set(unreadable)] };
}
