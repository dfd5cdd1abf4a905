import { metrics } from "@opentelemetry/api";
import { MeterProvider, MetricReader, type DataPoint, type MetricData } from "@opentelemetry/sdk-metrics";

/** Reads whatever the SDK has aggregated, on demand: OpenTelemetry's in-memory path, no exporter. */
class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * Registers the OpenTelemetry SDK globally, as an application's instrumentation file would,
 * before any provider of the test file is created (call it at the top of the file).
 */
export function installInMemoryMetrics() {
  const reader = new CollectingReader();
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  return {
    /** Everything the provider's meter reported so far. */
    async collected(): Promise<MetricData[]> {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.filter((scope) => scope.scope.name === "@xmcp-dev/workos").flatMap((scope) => scope.metrics);
    },
    uninstall: () => metrics.disable(),
  };
}

export function points<T = unknown>(all: MetricData[], name: string): DataPoint<T>[] {
  return (all.find((metric) => metric.descriptor.name === name)?.dataPoints ?? []) as DataPoint<T>[];
}
