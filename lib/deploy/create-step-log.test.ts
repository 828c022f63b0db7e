import { describe, expect, it } from "vitest";
import { createStepLog } from "@/lib/deploy/create-step-log";

function fakeClock(start: string, stepMs: number) {
  let time = new Date(start).getTime();
  return () => {
    const now = new Date(time);
    time += stepMs;
    return now;
  };
}

describe("createStepLog", () => {
  it("records each step with its start, duration, outcome and output, in order", async () => {
    const log = createStepLog(fakeClock("2026-06-01T00:00:00Z", 250), []);
    const upload = log.start("upload", { summary: "Upload /etc/ssl/a.pem", path: "/etc/ssl/a.pem" });
    upload.ok();
    const reload = log.start("reload", { summary: "Run the reload command", command: "nginx -s reload" });
    reload.fail({ summary: "The reload command exited with 1", output: "nginx: [emerg] bad\n", exitCode: 1 });
    reload.ok();
    log.skip("restore", { summary: "Nothing to restore" });
    expect(log.steps).toEqual([
      {
        name: "upload",
        status: "ok",
        startedAt: "2026-06-01T00:00:00.000Z",
        durationMs: 250,
        summary: "Upload /etc/ssl/a.pem",
        path: "/etc/ssl/a.pem",
      },
      {
        name: "reload",
        status: "failed",
        startedAt: "2026-06-01T00:00:00.500Z",
        durationMs: 250,
        summary: "The reload command exited with 1",
        command: "nginx -s reload",
        output: "nginx: [emerg] bad",
        exitCode: 1,
      },
      {
        name: "restore",
        status: "skipped",
        startedAt: "2026-06-01T00:00:01.000Z",
        durationMs: 0,
        summary: "Nothing to restore",
      },
    ]);
  });

  it("redacts the run's secrets from every text it keeps", async () => {
    const log = createStepLog(fakeClock("2026-06-01T00:00:00Z", 0), ["pa55word-secret"]);
    await expect(
      log.run("connect", { summary: "Log in" }, async () => {
        throw new Error("server said: pa55word-secret is wrong");
      }),
    ).rejects.toThrow();
    log.start("reload", { summary: "Reload", command: "echo pa55word-secret | sudo -S nginx -s reload" }).ok({
      output: "[sudo] password: pa55word-secret",
    });
    expect(JSON.stringify(log.steps)).not.toContain("pa55word-secret");
    expect(log.steps[0]).toMatchObject({ status: "failed", summary: "Log in: server said: [redacted] is wrong" });
  });
});
