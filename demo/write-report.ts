// demo-output/report.html: every step with its caption, outcome, time and screenshots.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { StepRecord } from "@/demo/demo-session";
import type { Locale } from "@/lib/i18n/locales";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function writeReport(
  outputDir: string,
  records: readonly StepRecord[],
  meta: { lang: Locale; startedAt: Date; durationMs: number; baseURL: string },
): string {
  const passed = records.filter((record) => record.status === "passed").length;
  const failed = records.find((record) => record.status === "failed");
  const rows = records
    .map(
      (record) => `
    <section class="step ${record.status}" id="step-${record.number}">
      <h2><span class="number">${record.number}</span> ${escapeHtml(record.caption)}
        <span class="status">${record.status}${record.status === "skipped" ? "" : ` · ${(record.durationMs / 1000).toFixed(1)} s`}</span></h2>
      ${record.details.length > 0 ? `<ul>${record.details.map((detail) => `<li>${escapeHtml(detail)}</li>`).join("")}</ul>` : ""}
      ${record.error ? `<pre class="error">${escapeHtml(record.error)}</pre>` : ""}
      <div class="shots">${record.screenshots
        .map(
          (file) =>
            `<a href="${encodeURI(file)}"><img src="${encodeURI(file)}" alt="${escapeHtml(`${record.number}. ${record.caption}`)}" loading="lazy"></a>`,
        )
        .join("")}</div>
    </section>`,
    )
    .join("\n");
  const summary = failed
    ? `Step ${failed.number} failed: ${escapeHtml(failed.caption)}`
    : `All ${records.length} steps passed`;
  const html = `<!doctype html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CertDesk demo — ${escapeHtml(summary)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #0f172a; }
  header p { color: #475569; margin: 4px 0; }
  .summary { font-weight: 600; padding: 8px 12px; border-radius: 8px; background: ${failed ? "#fee2e2" : "#dcfce7"}; }
  .step { border: 1px solid #e2e8f0; border-left-width: 6px; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
  .step.passed { border-left-color: #16a34a; } .step.failed { border-left-color: #dc2626; } .step.skipped { border-left-color: #94a3b8; opacity: .7; }
  h2 { font-size: 17px; margin: 0 0 8px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
  .number { display: inline-grid; place-items: center; min-width: 28px; height: 28px; border-radius: 50%; background: #0f172a; color: #fff; font-size: 13px; }
  .status { margin-left: auto; font-size: 13px; font-weight: 500; color: #475569; }
  .error { white-space: pre-wrap; background: #fef2f2; color: #991b1b; padding: 8px; border-radius: 6px; font-size: 13px; }
  .shots { display: flex; gap: 8px; flex-wrap: wrap; }
  .shots img { width: 320px; border: 1px solid #cbd5e1; border-radius: 4px; }
</style>
</head>
<body>
<header>
  <h1>CertDesk auto-renewal demo</h1>
  <p class="summary">${summary} (${passed}/${records.length} passed)</p>
  <p>Started ${escapeHtml(meta.startedAt.toISOString())} · ${(meta.durationMs / 1000).toFixed(0)} s · language ${meta.lang} · ${escapeHtml(meta.baseURL)}</p>
</header>
<main>
${rows}
</main>
</body>
</html>
`;
  const file = path.join(outputDir, "report.html");
  writeFileSync(file, html);
  writeFileSync(path.join(outputDir, "steps.json"), `${JSON.stringify({ ...meta, steps: records }, null, 2)}\n`);
  return file;
}
