/** What the real API does with `units`: fixtures are Kelvin and m/s; metric is °C, imperial °F and mph. */

const TEMPERATURE_KEYS = new Set(['temp', 'feels_like', 'temp_min', 'temp_max', 'dew_point', 'temperature']);
const SPEED_KEYS = new Set(['speed', 'gust', 'wind_speed', 'wind_gust']);

const round2 = (n: number): number => Math.round(n * 100) / 100;

function temperature(kelvin: number, units: string): number {
  if (units === 'metric') return round2(kelvin - 273.15);
  if (units === 'imperial') return round2(((kelvin - 273.15) * 9) / 5 + 32);
  return kelvin;
}

function speed(metresPerSecond: number, units: string): number {
  return units === 'imperial' ? round2(metresPerSecond * 2.236936) : metresPerSecond;
}

/** A deep copy of a Kelvin fixture with temperatures (and, for imperial, speeds) in `units`. */
export function convertUnits<T>(value: T, units: string | null): T {
  if (units === null || units === 'standard') return structuredClone(value);
  return walk(value, units, undefined) as T;
}

function walk(value: unknown, units: string, mode: 'temperature' | 'speed' | undefined): unknown {
  if (typeof value === 'number') {
    if (mode === 'temperature') return temperature(value, units);
    if (mode === 'speed') return speed(value, units);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, units, undefined));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // `temp_kf` is a correction in kelvins, not a temperature, so it stays as is.
    const next = TEMPERATURE_KEYS.has(key) ? 'temperature' : SPEED_KEYS.has(key) ? 'speed' : mode;
    out[key] = walk(v, units, next);
  }
  return out;
}
