// `npm run demo -- [--headed] [--slow] [--lang en|zh-CN] [--port N] [--rebuild | --no-build | --build-dir DIR]`
import { isLocale, type Locale } from "@/lib/i18n/locales";

export type DemoOptions = {
  headed: boolean;
  /** Slow enough to present live: actions slowed down, and a pause on every caption. */
  slow: boolean;
  lang: Locale;
  /** The app's port; a free one (3170 when free) when not given. */
  port: number | undefined;
  /** Build even when the demo build looks up to date. */
  rebuild: boolean;
  /** Use the last demo build as it is (presenting from a known build). */
  noBuild: boolean;
  /**
   * Run on the production build already in this folder, as it is (`npm test` passes the
   * build its browser tests have just made, instead of building the same sources twice).
   */
  buildDir: string | undefined;
};

export class UsageError extends Error {}

export const USAGE =
  "usage: npm run demo -- [--headed] [--slow] [--lang en|zh-CN] [--port N] [--rebuild | --no-build | --build-dir DIR]";

export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = {
    headed: false,
    slow: false,
    lang: "en",
    port: undefined,
    rebuild: false,
    noBuild: false,
    buildDir: undefined,
  };
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? args.shift();
      if (next === undefined) throw new UsageError(`${name} needs a value.\n${USAGE}`);
      return next;
    };
    switch (name) {
      case "--headed":
        options.headed = true;
        break;
      case "--slow":
        options.slow = true;
        break;
      case "--rebuild":
        options.rebuild = true;
        break;
      case "--no-build":
        options.noBuild = true;
        break;
      case "--build-dir":
        options.buildDir = value();
        break;
      case "--lang": {
        const lang = value();
        if (!isLocale(lang)) throw new UsageError(`--lang must be "en" or "zh-CN", not "${lang}".\n${USAGE}`);
        options.lang = lang;
        break;
      }
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 1 || port > 65_535) {
          throw new UsageError(`--port must be a port number (1–65535).\n${USAGE}`);
        }
        options.port = port;
        break;
      }
      default:
        throw new UsageError(`Unknown option "${arg}".\n${USAGE}`);
    }
  }
  if ([options.rebuild, options.noBuild, options.buildDir !== undefined].filter(Boolean).length > 1)
    throw new UsageError(`--rebuild, --no-build and --build-dir exclude each other.\n${USAGE}`);
  return options;
}
