import { Auth0Error } from './auth0-error.js';

/** One field-level problem of a My Account API answer. */
export interface MyAccountValidationError {
  detail: string;
  field?: string;
  pointer?: string;
  source?: string;
}

/**
 * The My Account API refused a call (connected accounts): an RFC 7807 problem, its `type`, `title`,
 * `detail`, `status` and `validationErrors` as the API sent them (nextjs-auth0's `MyAccountApiError`).
 * `error` holds the `title` and `errorDescription` the `detail`, as for the SDK's other server errors.
 *
 * @example
 * ```ts
 * if (err instanceof MyAccountApiError && err.status === 404) return res.status(404).end();
 * ```
 */
export class MyAccountApiError extends Auth0Error {
  readonly code = 'my_account_api_error' as const;
  /** The problem type (a URI). */
  readonly type: string | undefined;
  /** The short summary. */
  readonly title: string | undefined;
  /** What went wrong with this request. */
  readonly detail: string | undefined;
  readonly validationErrors: MyAccountValidationError[] | undefined;

  constructor(
    message: string,
    problem: {
      status: number;
      type?: string | undefined;
      title?: string | undefined;
      detail?: string | undefined;
      validationErrors?: MyAccountValidationError[] | undefined;
    },
  ) {
    super(message, { error: problem.title, errorDescription: problem.detail, status: problem.status });
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.validationErrors = problem.validationErrors;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), type: this.type, title: this.title, detail: this.detail };
  }
}
