// The one entry point to @peculiar/x509: its dependency injection needs the Reflect
// metadata polyfill loaded first, and the library must use Node's WebCrypto.
// Import x509 from here, never directly.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
