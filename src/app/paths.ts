/**
 * Routes with a fixed path. The build writes `<path>/index.html` for each, so a plain static
 * file server with no rewrite rules answers a deep link or a reload on any of them.
 * A unit test keeps this list and the router in step.
 */
export const STATIC_ROUTE_PATHS = ['/classes', '/guides', '/life', '/life/event', '/life/checklist', '/counter', '/counter/form', '/counter/check', '/counter/qr', '/counter/profile', '/volunteer', '/volunteer/plan', '/volunteer/present', '/volunteer/record', '/staff', '/settings'] as const
