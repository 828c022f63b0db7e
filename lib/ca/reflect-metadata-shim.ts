// @peculiar/x509 resolves its algorithm providers through tsyringe, which refuses to
// load unless the Reflect metadata API exists. The usual fix is the `reflect-metadata`
// package; it is not a dependency here, so this installs the small part of that API
// tsyringe calls, and only when nothing else has installed it first. Swap this module
// for `import "reflect-metadata"` if that package is ever added.

type MetadataKey = unknown;
type Target = object;
type MetadataProperty = string | symbol | undefined;

type ReflectWithMetadata = typeof Reflect & {
  getMetadata?: (key: MetadataKey, target: Target, property?: MetadataProperty) => unknown;
  getOwnMetadata?: (key: MetadataKey, target: Target, property?: MetadataProperty) => unknown;
  hasMetadata?: (key: MetadataKey, target: Target, property?: MetadataProperty) => boolean;
  hasOwnMetadata?: (key: MetadataKey, target: Target, property?: MetadataProperty) => boolean;
  defineMetadata?: (key: MetadataKey, value: unknown, target: Target, property?: MetadataProperty) => void;
  metadata?: (key: MetadataKey, value: unknown) => (target: Target, property?: MetadataProperty) => void;
};

const reflect = Reflect as ReflectWithMetadata;

if (typeof reflect.getMetadata !== "function") {
  const store = new WeakMap<Target, Map<MetadataProperty, Map<MetadataKey, unknown>>>();

  const ownMap = (
    target: Target,
    property: MetadataProperty,
    create: boolean,
  ): Map<MetadataKey, unknown> | undefined => {
    let byProperty = store.get(target);
    if (!byProperty) {
      if (!create) return undefined;
      byProperty = new Map();
      store.set(target, byProperty);
    }
    let values = byProperty.get(property);
    if (!values && create) {
      values = new Map();
      byProperty.set(property, values);
    }
    return values;
  };

  const hasOwn = (key: MetadataKey, target: Target, property?: MetadataProperty) =>
    ownMap(target, property, false)?.has(key) ?? false;
  const getOwn = (key: MetadataKey, target: Target, property?: MetadataProperty) =>
    ownMap(target, property, false)?.get(key);

  // Like reflect-metadata, inherited metadata is found along the prototype chain.
  const findHolder = (key: MetadataKey, target: Target, property?: MetadataProperty): Target | undefined => {
    for (let current: Target | null = target; current; current = Object.getPrototypeOf(current)) {
      if (hasOwn(key, current, property)) return current;
    }
    return undefined;
  };

  reflect.defineMetadata = (key, value, target, property) => {
    ownMap(target, property, true)?.set(key, value);
  };
  reflect.hasOwnMetadata = hasOwn;
  reflect.getOwnMetadata = getOwn;
  reflect.hasMetadata = (key, target, property) => findHolder(key, target, property) !== undefined;
  reflect.getMetadata = (key, target, property) => {
    const holder = findHolder(key, target, property);
    return holder === undefined ? undefined : getOwn(key, holder, property);
  };
  reflect.metadata = (key, value) => (target, property) => {
    ownMap(target, property, true)?.set(key, value);
  };
}

export {};
