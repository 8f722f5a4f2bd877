/**
 * The README's first command. With no credentials and no network it serves each connector's own mocks on
 * loopback (real sockets, real timeouts) and walks through the connectors, then shows resilience at work.
 * With credentials in the environment (OPENWEATHER_API_KEY, HUBSPOT_ACCESS_TOKEN, SHOPIFY_SHOP +
 * SHOPIFY_ACCESS_TOKEN) those connectors run against the live APIs; CF_DEMO_LIVE=1 does the same for the
 * keyless ones (Frankfurter, ADS-B).
 */
import { adsbTour } from './adsb.js';
import { frankfurterTour } from './frankfurter.js';
import { hubSpotTour } from './hubspot.js';
import { landTour } from './land.js';
import { openWeatherTour } from './openweather.js';
import { resilienceTour } from './resilience.js';
import { shopifyTour } from './shopify.js';
import { runTour } from './tour.js';

const log = (line = ''): void => console.log(line);

async function main(): Promise<void> {
  const started = Date.now();
  log('Connector Factory demo');
  await runTour(frankfurterTour, log, process.env);
  await runTour(adsbTour, log, process.env);
  await runTour(openWeatherTour, log, process.env);
  await runTour(hubSpotTour, log, process.env);
  await runTour(shopifyTour, log, process.env);
  await resilienceTour(log);
  await landTour(log);
  log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
