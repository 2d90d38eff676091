/** The reason phrases Auth0's Management API puts in `error`. */
const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
};

/** A Management API answer: status and JSON body (absent for 204). */
export interface ManagementAnswer {
  status: number;
  body?: unknown;
}

/** An operation of the Management API: the scope it needs, and what it does with the JSON body. */
export type ManagementRoute = [scope: string, handler: (body: Record<string, unknown>) => ManagementAnswer];

/**
 * An error as the Management API v2 writes it: `{ statusCode, error, message, errorCode }` (`errorCode`
 * left out where Auth0 sends none, as for a missing token).
 */
export function managementError(status: number, message: string, errorCode?: string): ManagementAnswer {
  return {
    status,
    body: {
      statusCode: status,
      error: REASON[status] ?? 'Error',
      message,
      ...(errorCode ? { errorCode } : {}),
    },
  };
}

/** A 400 for a body that does not validate, worded as Auth0's payload validation. */
export function invalidBody(detail: string): ManagementAnswer {
  return managementError(400, `Payload validation error: '${detail}'.`, 'invalid_body');
}

export const USER_NOT_FOUND = managementError(404, 'The user does not exist.', 'inexistent_user');
