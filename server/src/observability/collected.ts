import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Metrics whose value is read from an existing stats object when Prometheus scrapes, so the
 * code being measured only bumps a plain field (or nothing at all).
 */

/** A counter mirroring a number that only grows. */
export function collectedCounter(
  registry: Registry,
  name: string,
  help: string,
  read: () => number,
): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/** A gauge mirroring a current value. */
export function collectedGauge(
  registry: Registry,
  name: string,
  help: string,
  read: () => number,
): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}
