// The string formats kube-apiserver checks on custom resources (a subset of its strfmt registry).
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$/;
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DURATION = /^([+-]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w))+$/;

const STRING_FORMATS: Record<string, (s: string) => boolean> = {
  date: (s) => DATE.test(s),
  'date-time': (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  datetime: (s) => DATE_TIME.test(s),
  uuid: (s) => UUID.test(s),
  ipv4: (s) => IPV4.test(s),
  hostname: (s) => HOSTNAME.test(s),
  byte: (s) => BYTE.test(s),
  duration: (s) => DURATION.test(s),
};

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** False when `value` is known not to satisfy `format`; unknown formats always pass. */
export function satisfiesFormat(value: unknown, format: string): boolean {
  if (typeof value === 'string') {
    const check = STRING_FORMATS[format];
    return check === undefined || check(value);
  }
  const range = INT_RANGES[format];
  if (typeof value === 'number' && range !== undefined) {
    return Number.isInteger(value) && value >= range[0] && value <= range[1];
  }
  return true;
}
