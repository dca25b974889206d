// Which failures mean "the database is not answering" (down, silent, overloaded,
// timed out) rather than a bug: routes answer those 503 with a clear message.
// Pure: no database, no generated client, no 'server-only'.

// Prisma: can't reach (P1001), timed out (P1002, P1008), too many connections
// (P1017 closed, P2024 pool timeout), and the driver adapters' own kinds.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// node: the socket itself.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
// PostgreSQL SQLSTATE: statement or lock timeout (57014, 55P03), server shutting
// down (57P01-57P03), idle-in-transaction timeout (25P03), too many connections (53300),
// and class 08, connection exceptions.
const SQLSTATES = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '25P03', '53300']);
// node-postgres and pg-pool say these in words only.
const DRIVER_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /Connection refused/i,
];

type Fields = { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown; meta?: unknown };

function fieldsOf(error: unknown): Fields {
  return typeof error === 'object' && error !== null ? error : {};
}

/** Prisma 7 puts the driver adapter's error (its kind, the server's SQLSTATE) in `meta.driverAdapterError`. */
function adapterErrorOf(error: unknown): unknown {
  const { meta } = fieldsOf(error);
  return typeof meta === 'object' && meta !== null ? (meta as { driverAdapterError?: unknown }).driverAdapterError : undefined;
}

/** True when `error` (or what it wraps) says the database did not answer in time or at all. */
export function databaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, kind, originalCode } = fieldsOf(error);
  if (typeof code === 'string') {
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08/.test(code)) return true;
  }
  if (typeof originalCode === 'string' && (SQLSTATES.has(originalCode) || /^08/.test(originalCode))) return true;
  // Prisma 7's driver-adapter error kinds.
  if (kind === 'DatabaseNotReachable' || kind === 'SocketTimeout' || kind === 'TooManyConnections' || kind === 'ConnectionClosed') {
    return true;
  }
  if (typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return databaseUnavailable(cause, depth + 1) || databaseUnavailable(adapterErrorOf(error), depth + 1);
}
