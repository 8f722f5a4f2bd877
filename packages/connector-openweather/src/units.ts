/** OpenWeather's unit systems: `standard` is Kelvin and m/s (the API's default), `metric` °C and m/s, `imperial` °F and mph. */
export const UNITS = ['standard', 'metric', 'imperial'] as const;
/** One of `UNITS`: the unit system of a call's numbers. */
export type Units = (typeof UNITS)[number];

/** What the numbers of a result mean, per unit system (https://openweathermap.org/current#data). */
export const UNIT_LABELS = {
  standard: { temperature: 'K', windSpeed: 'm/s' },
  metric: { temperature: '°C', windSpeed: 'm/s' },
  imperial: { temperature: '°F', windSpeed: 'mph' },
} as const;

/** The temperature unit of unit system `U` (`K`, `°C` or `°F`). */
export type TemperatureUnit<U extends Units> = (typeof UNIT_LABELS)[U]['temperature'];

/** A result in unit system `U`: the `units` field says which, so a temperature is never silently Kelvin. */
export type WithUnits<T, U extends Units> = T & {
  /** The unit system the numbers are in. */
  readonly units: U;
};

/** Stamps the unit system that was requested on a result. */
export function withUnits<T extends object, U extends Units>(data: T, units: U): WithUnits<T, U> {
  return { ...data, units };
}
