// Signs in through Auth.js's own HTTP endpoints, as a browser would, and returns the
// Cookie header that carries the session, for load generators that cannot run a browser.
type CookieJar = Map<string, string>;

function collect(jar: CookieJar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const separator = pair?.indexOf("=") ?? -1;
    if (pair && separator > 0) jar.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
}

const header = (jar: CookieJar) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const jar: CookieJar = new Map();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  collect(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/certificates` }),
  });
  collect(jar, response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`signing in as ${email} failed (HTTP ${response.status})`);
  }
  const check = await fetch(`${baseUrl}/api/account/balance`, { headers: { cookie: header(jar) } });
  if (!check.ok) throw new Error(`the session does not work (HTTP ${check.status})`);
  return header(jar);
}
