/** OpenWeather's unit systems: `standard` is Kelvin and m/s (the API's default), `metric` °C and m/s, `imperial` °F and mph. */
export const UNITS = ['standard', 'metric', 'imperial'] as const;
export type Units = (typeof UNITS)[number];

/** What the numbers of a result mean, per unit system (https://openweathermap.org/current#data). */
export const UNIT_LABELS = {
  standard: { temperature: 'K', windSpeed: 'm/s' },
  metric: { temperature: '°C', windSpeed: 'm/s' },
  imperial: { temperature: '°F', windSpeed: 'mph' },
} as const;

export type TemperatureUnit<U extends Units> = (typeof UNIT_LABELS)[U]['temperature'];

/** A result in unit system `U`: the `units` field says which, so a temperature is never silently Kelvin. */
export type WithUnits<T, U extends Units> = T & { readonly units: U };

/** Stamps the unit system that was requested on a result. */
export function withUnits<T extends object, U extends Units>(data: T, units: U): WithUnits<T, U> {
  return { ...data, units };
}
