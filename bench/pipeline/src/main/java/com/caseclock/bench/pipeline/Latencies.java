package com.caseclock.bench.pipeline;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Latency samples in microseconds (HdrHistogram, 3 significant digits, up to 1 hour), reported in milliseconds. */
final class Latencies {
    private final Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

    synchronized void add(long micros) {
        h.recordValue(Math.max(0, Math.min(micros, TimeUnit.HOURS.toMicros(1))));
    }

    synchronized long count() {
        return h.getTotalCount();
    }

    synchronized double ms(double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMs() {
        return h.getMaxValue() / 1000.0;
    }
}
