export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** GETs JSON from one of our routes; a signed-out response sends the browser to sign in. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (response.status === 401 && typeof window !== "undefined") {
    window.location.assign(
      `/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new HttpError(response.status, body.code, body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}
