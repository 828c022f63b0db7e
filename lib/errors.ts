// One error type for failures a user can cause or must be told about. Each code maps
// to a translated message (messages/*.json, "errors.<CODE>") and an HTTP status in one place.
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  EMAIL_TAKEN: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  TOO_MANY_ATTEMPTS: 429,
  CONFLICT: 409,
  AUTO_RENEW_NOT_ELIGIBLE: 422,
  AUTO_RENEW_NOT_ON: 409,
  AUTO_RENEW_ALREADY_DEDUCTED: 409,
  INSUFFICIENT_BALANCE: 409,
  PAYMENT_PROVIDER_UNAVAILABLE: 403,
  PAYMENT_FAILED: 402,
  JOB_ALREADY_RUNNING: 409,
  MANUAL_RENEWAL_NOT_ALLOWED: 422,
  DEBIT_EXCEEDS_BALANCE: 409,
  CANNOT_DISABLE_SELF: 409,
  DEPLOYMENT_TARGET_BUSY: 409,
  CERTIFICATE_NOT_DEPLOYABLE: 422,
  ROLLBACK_NOT_POSSIBLE: 409,
  VERIFICATION_NOT_POSSIBLE: 409,
  PRODUCT_NOT_AVAILABLE: 422,
  FREE_CERTIFICATE_LIMIT_REACHED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_NOT_CANCELABLE: 409,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
