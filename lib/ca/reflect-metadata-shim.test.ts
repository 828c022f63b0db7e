import { describe, expect, it } from "vitest";
import "@/lib/ca/reflect-metadata-shim";

type MetadataReflect = {
  defineMetadata(key: unknown, value: unknown, target: object, property?: string): void;
  getMetadata(key: unknown, target: object, property?: string): unknown;
  getOwnMetadata(key: unknown, target: object, property?: string): unknown;
  hasMetadata(key: unknown, target: object, property?: string): boolean;
};
const reflect = Reflect as unknown as MetadataReflect;

describe("Reflect metadata shim", () => {
  it("stores metadata per target and property, inherited along the prototype chain", () => {
    class Base {}
    class Derived extends Base {}
    reflect.defineMetadata("token", "base", Base);
    reflect.defineMetadata("token", "method", Base, "run");
    expect(reflect.getOwnMetadata("token", Base)).toBe("base");
    expect(reflect.getMetadata("token", Derived)).toBe("base");
    expect(reflect.getOwnMetadata("token", Derived)).toBeUndefined();
    expect(reflect.getMetadata("token", Base, "run")).toBe("method");
    expect(reflect.hasMetadata("other", Derived)).toBe(false);
    reflect.defineMetadata("token", "derived", Derived);
    expect(reflect.getMetadata("token", Derived)).toBe("derived");
    expect(reflect.getMetadata("token", Base)).toBe("base");
  });
});
