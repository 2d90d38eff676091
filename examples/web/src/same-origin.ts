import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses a form POST that a browser says comes from another origin, the way the SDK's JSON MFA routes
 * do (`Origin` other than the app's, `Sec-Fetch-Site: cross-site`), and stricter: a `same-site` page (a
 * sibling subdomain) is refused too, since SameSite cookies would let it post here. A request with
 * neither header (an old browser, a script) passes, as it does in the SDK.
 */
export function sameOriginPosts(origin: string, refuse: (req: Request, res: Response) => unknown) {
  return (req: Request, res: Response, next: NextFunction): unknown => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const from = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const foreignOrigin = from !== undefined && from !== origin;
    const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (foreignOrigin || foreignSite) return refuse(req, res);
    next();
  };
}
