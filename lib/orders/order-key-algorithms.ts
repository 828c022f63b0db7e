// The key choices of an order, without zod: the order form imports these on its first load,
// and the schema (certificate-order-input.ts) only when it sends.
export const ORDER_KEY_ALGORITHMS = ["RSA_2048", "RSA_3072", "RSA_4096", "ECDSA_P256", "ECDSA_P384"] as const;
export const DEFAULT_ORDER_KEY_ALGORITHM = "RSA_2048" satisfies (typeof ORDER_KEY_ALGORITHMS)[number];
