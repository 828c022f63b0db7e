// A real nginx for the deploy tests: Debian's /usr/sbin/nginx in the foreground (daemon off,
// with its master process, so `nginx -s reload` works as on a server) on a free loopback
// port, one TLS server block per site whose certificate and key are read from the files the
// test deploys. Its pid file, temp paths and configuration live in a private temporary folder;
// it logs to stderr, which the reload command's output then carries too.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as wait } from "node:timers/promises";
import {
  freeLoopbackPort,
  makePrivateTempDir,
  removeDir,
  requireBinary,
  runCommand,
  startServerProcess,
} from "@/testing/servers/sshd-nginx-process";

const NGINX = "/usr/sbin/nginx";

export type TestNginxSite = {
  /** The SNI name this server block answers; the first site is also the default for any other name. */
  serverName: string;
  /** Read at start and at every reload: the files must exist before `startTestNginx`. */
  certificatePath: string;
  keyPath: string;
};

export type TestNginx = {
  host: string;
  port: number;
  /** The command a deployment target runs to reload this nginx (exits non-zero when nginx refuses the files). */
  reloadCommand: string;
  /**
   * Reloads and resolves once the workers of the earlier configuration have exited: until
   * then they still accept some connections, so a probe may meet the files of before.
   */
  reloadAndSettle(): Promise<void>;
  stop(): Promise<void>;
};

export async function startTestNginx(input: { sites: readonly TestNginxSite[] }): Promise<TestNginx> {
  requireBinary(NGINX, "nginx");
  if (input.sites.length === 0) throw new Error("startTestNginx needs at least one site");
  const dir = await makePrivateTempDir("certdesk-nginx-");
  const config = path.join(dir, "nginx.conf");
  // -p keeps nginx away from /usr/share/nginx and /var/log/nginx; -e before the configuration is read.
  const commandArgs = ["-p", dir, "-e", "stderr", "-c", config];
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      await writeFile(config, nginxConfig(dir, port, input.sites), { mode: 0o600 });
      try {
        const server = await startServerProcess({
          name: "nginx",
          file: NGINX,
          args: commandArgs,
          ready: /start worker process \d+/,
        });
        return {
          host: "127.0.0.1",
          port,
          reloadCommand: [NGINX, ...commandArgs, "-s", "reload"].join(" "),
          reloadAndSettle: () => reloadAndSettle(path.join(dir, "nginx.pid"), [...commandArgs, "-s", "reload"]),
          stop: async () => {
            await server.stop();
            await removeDir(dir);
          },
        };
      } catch (error) {
        if (attempt >= 3 || !/Address already in use/.test(String(error))) throw error;
      }
    }
  } catch (error) {
    await removeDir(dir);
    throw error;
  }
}

function nginxConfig(dir: string, port: number, sites: readonly TestNginxSite[]): string {
  const temp = (name: string) => path.join(dir, name);
  const servers = sites.map(
    (site, index) => `
  server {
    listen 127.0.0.1:${port} ssl${index === 0 ? " default_server" : ""};
    server_name ${site.serverName};
    ssl_certificate ${site.certificatePath};
    ssl_certificate_key ${site.keyPath};
    return 200 "${site.serverName}\\n";
  }`,
  );
  return `daemon off;
master_process on;
worker_processes 1;
pid ${temp("nginx.pid")};
error_log stderr notice;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${temp("client_body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
${servers.join("\n")}
}
`;
}

async function reloadAndSettle(pidFile: string, reloadArgs: string[]): Promise<void> {
  const master = Number((await readFile(pidFile, "utf8")).trim());
  const before = await workersOf(master);
  await runCommand(NGINX, reloadArgs);
  for (let waited = 0; waited < 15_000; waited += 50) {
    const now = await workersOf(master);
    if (now.length > 0 && now.every((pid) => !before.includes(pid))) return;
    await wait(50);
  }
  throw new Error("nginx's old worker processes did not exit within 15 s of a reload");
}

async function workersOf(master: number): Promise<number[]> {
  const workers: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Field 4 (after the parenthesised command, which may hold spaces) is the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent === master) workers.push(Number(entry));
  }
  return workers;
}
