// The one entry point to @peculiar/x509: the Reflect shim must run before the library
// loads, and the library must use Node's WebCrypto. Import x509 from here, never directly.
import "@/lib/ca/reflect-metadata-shim";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
